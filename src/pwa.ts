/**
 * Service worker and installation. Updates are offered, never forced: a new version waits
 * until the learner presses Reload (see the update notice), and a tab never reloads because
 * another tab took the update. The install button appears only while the browser offers it.
 */
import { registerSW } from 'virtual:pwa-register';
import { appStore } from './store/app-store.ts';

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export function startPwa(): void {
  let applying = false;
  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh: () => appStore.setState({ updateReady: true }),
    // The new worker took control. Reload only the tab whose learner asked for it.
    onNeedReload: () => {
      if (applying) window.location.reload();
      else appStore.setState({ updateReady: false, updatedElsewhere: true });
    },
  });
  appStore.setState({
    applyUpdate: async () => {
      applying = true;
      if (appStore.getState().updatedElsewhere) return window.location.reload();
      // Reload when the new worker takes control, ourselves: on a learner's first visit the
      // library's own reload does not come (its 'controlling' event has isUpdate false then,
      // vite-plugin-pwa #789). No timed reload: one before the new worker is active would load
      // the old version again and offer the same update.
      navigator.serviceWorker?.addEventListener('controllerchange', () => window.location.reload(), { once: true });
      await updateSW(true);
    },
  });

  let deferred: InstallPromptEvent | null = null;
  window.addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault(); // keep the browser's own banner away; the header button offers it
    deferred = e as InstallPromptEvent;
    appStore.setState({ canInstall: true });
  });
  window.addEventListener('appinstalled', () => {
    deferred = null;
    appStore.setState({ canInstall: false });
  });
  appStore.setState({
    install: async () => {
      if (!deferred) return;
      const prompt = deferred;
      await prompt.prompt();
      const { outcome } = await prompt.userChoice;
      if (outcome === 'accepted') {
        deferred = null;
        appStore.setState({ canInstall: false });
      }
    },
  });
}

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
      if (appStore.getState().updatedElsewhere) window.location.reload();
      else await updateSW(true);
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

/**
 * Everything the app needs to tell the learner about itself, under the header: saved data it
 * could not read or write, a new version waiting, share links. Errors are announced at once,
 * the rest politely.
 */
import { dismiss, useNotices, type Notice } from '../store/notices.ts';
import { appStore, useApp } from '../store/app-store.ts';
import { isLive, trainingStore, useTraining } from '../store/training-store.ts';

function NoticeBox({ notice }: { notice: Notice }) {
  return (
    <div
      className={notice.kind === 'error' ? 'status-alert notice-box' : 'notice notice-box'}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      <span>{notice.text}</span>
      <span className="notice-actions">
        {notice.actions?.map((a) => (
          <button type="button" key={a.label} onClick={a.run}>
            {a.label}
          </button>
        ))}
        <button type="button" className="link-button" onClick={() => dismiss(notice.id)}>
          Dismiss
        </button>
      </span>
    </div>
  );
}

/** Ends every run still going and resolves once all of them have ended (and saved what they keep). */
async function stopAllRuns(): Promise<void> {
  const store = trainingStore.getState();
  await Promise.all(
    Object.keys(store.runs)
      .filter((c) => isLive(store.runs[c]))
      .map((c) => store.stop(c)),
  );
  await new Promise<void>((resolve) => {
    const check = () => !Object.values(trainingStore.getState().runs).some(isLive);
    if (check()) return resolve();
    const off = trainingStore.subscribe(() => {
      if (check()) {
        off();
        resolve();
      }
    });
  });
}

function UpdateNotice() {
  const ready = useApp((s) => s.updateReady);
  const elsewhere = useApp((s) => s.updatedElsewhere);
  const running = useTraining((s) => Object.values(s.runs).some(isLive));
  if (!ready && !elsewhere) return null;
  const reload = () => void appStore.getState().applyUpdate();
  const head = elsewhere ? 'A new version is running in another tab.' : 'A new version is ready.';
  return (
    <div className="notice notice-box" role="status">
      <span>
        {head}{' '}
        {running
          ? 'Reloading now would end the run in progress, so it waits: reload once the run ends, or stop it and reload.'
          : 'Reload to use it; your progress, pairs, settings and compared runs are kept.'}
      </span>
      <span className="notice-actions">
        {running ? (
          <button type="button" onClick={() => void stopAllRuns().then(reload)}>
            Stop the run and reload
          </button>
        ) : (
          <button type="button" className="primary" onClick={reload}>
            Reload
          </button>
        )}
      </span>
    </div>
  );
}

export function NoticesArea() {
  const notices = useNotices();
  return (
    <div className="notices" aria-label="Notices" role="region">
      <UpdateNotice />
      {notices.map((n) => (
        <NoticeBox key={n.id} notice={n} />
      ))}
    </div>
  );
}

/** "Install app", shown only while the browser offers installation. */
export function InstallButton() {
  const can = useApp((s) => s.canInstall);
  if (!can) return null;
  return (
    <button type="button" className="install-button" onClick={() => void appStore.getState().install()}>
      Install app
    </button>
  );
}

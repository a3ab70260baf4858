/**
 * The Network page's share link: opening `#/network?s=…` puts its settings and points in place
 * (Undo puts yours back; a bad link changes nothing and says why); Copy link copies this page's.
 */
import { useEffect, useState } from 'react';
import { networkSettings, networkShareHash, readNetworkLink, useNetworkSettings } from '../store/network-settings.ts';

interface LinkNotice {
  kind: 'ok' | 'error';
  text: string;
}

export function useNetworkLink(): [LinkNotice | null, (n: LinkNotice | null) => void] {
  const [notice, setNotice] = useState<LinkNotice | null>(null);
  useEffect(() => {
    const apply = () => {
      const link = readNetworkLink(window.location.hash);
      if (link.kind === 'none') return;
      if (link.kind === 'link') {
        networkSettings.getState().apply(link.value);
        setNotice({
          kind: 'ok',
          text: `Opened the settings${link.value.points.labels.length ? ` and ${link.value.points.labels.length} points` : ''} from a shared link.${link.reset.length ? ` These could not be read and are at their defaults: ${link.reset.join(', ')}.` : ''} Undo puts your own back.`,
        });
      } else
        setNotice({
          kind: 'error',
          text: `The shared link could not be used: ${link.message}. Nothing was changed: your settings are as you left them.`,
        });
      // Drop the parameter so a reload keeps later edits instead of applying the link again.
      window.history.replaceState(
        window.history.state,
        '',
        `${window.location.pathname}${window.location.search}#/network`,
      );
    };
    apply();
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, []);
  return [notice, setNotice];
}

export function LinkNoticeBox({ notice, onDismiss }: { notice: LinkNotice | null; onDismiss(): void }) {
  const before = useNetworkSettings((s) => s.beforeLink);
  if (!notice) return null;
  return (
    <div
      className={notice.kind === 'error' ? 'status status-alert' : 'status'}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      <p>{notice.text}</p>
      <div className="toolbar">
        {notice.kind === 'ok' && before && (
          <button
            type="button"
            onClick={() => {
              networkSettings.getState().undoLink();
              onDismiss();
            }}
          >
            Undo
          </button>
        )}
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

export function ShareBox() {
  const draft = useNetworkSettings((s) => s.draft);
  const points = useNetworkSettings((s) => s.points);
  const url = `${window.location.origin}${window.location.pathname}${networkShareHash({ draft, points })}`;
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="net-share-title">
      <h2 id="net-share-title">Share</h2>
      <p className="muted">The link carries every setting above and your points.</p>
      <label className="field">
        <span className="field-label">Link to these settings</span>
        <input type="text" readOnly value={url} onFocus={(e) => e.target.select()} />
      </label>
      <div className="toolbar">
        <button
          type="button"
          onClick={() => {
            navigator.clipboard
              ?.writeText(url)
              .then(() => setCopied('Link copied.'))
              .catch(() => setCopied('This browser would not copy it: select the link above and copy it yourself.'));
            if (!navigator.clipboard)
              setCopied('This browser would not copy it: select the link above and copy it yourself.');
          }}
        >
          Copy link
        </button>
        <span role="status">{copied}</span>
      </div>
    </section>
  );
}

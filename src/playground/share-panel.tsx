/**
 * Sharing: "Copy link" puts the whole config into `#/playground?c=…`; opening such a link
 * loads it. A link that cannot be used opens the defaults and says what was wrong.
 */
import { useEffect, useState } from 'react';
import { playgroundStore, usePlayground } from '../store/playground-store.ts';
import { LINK_WHAT } from '../store/playground-persist.ts';
import type { TrainingConfig } from '../training/config.ts';
import { readShareHash, shareHash } from '../training/share.ts';

export interface LinkNotice {
  kind: 'ok' | 'error';
  text: string;
}

/** A message that completes a sentence, without a doubled full stop. */
const clause = (text: string) => text.replace(/[.\s]+$/, '');

/**
 * Applies a share link in the current hash (on load and on hash changes), then tidies the URL.
 * A valid link replaces the table and settings (Undo puts everything back); a bad one changes
 * nothing and says what was wrong.
 */
export function useSharedLink(): [LinkNotice | null, (n: LinkNotice | null) => void] {
  const [notice, setNotice] = useState<LinkNotice | null>(null);
  useEffect(() => {
    const apply = () => {
      const link = readShareHash(window.location.hash);
      if (link.kind === 'none') return;
      if (link.ok) {
        playgroundStore.getState().loadConfig(link.config, LINK_WHAT);
        setNotice({
          kind: 'ok',
          text: `Opened the pairs and settings from a shared link (${link.config.pairs.length} pair${link.config.pairs.length === 1 ? '' : 's'}). Undo puts your own table and settings back.`,
        });
      } else {
        setNotice({
          kind: 'error',
          text: `The shared link could not be used: ${clause(link.message)}. Nothing was changed: your own table and settings are as you left them.`,
        });
      }
      // Drop the parameter so a reload keeps later edits instead of re-applying the link.
      window.history.replaceState(
        window.history.state,
        '',
        `${window.location.pathname}${window.location.search}#/playground`,
      );
    };
    apply();
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, []);
  return [notice, setNotice];
}

/** The link notice, dismissable; after a valid link it offers Undo right here. */
export function LinkNoticeBox({ notice, onDismiss }: { notice: LinkNotice | null; onDismiss(): void }) {
  const undo = usePlayground((s) => s.undo);
  if (!notice) return null;
  const canUndo = notice.kind === 'ok' && undo?.what === LINK_WHAT;
  return (
    <div
      className={notice.kind === 'error' ? 'status-alert pg-link-notice' : 'notice pg-link-notice'}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      <span>{notice.text}</span>{' '}
      {canUndo && (
        <button
          type="button"
          onClick={() => {
            playgroundStore.getState().undoReplace();
            onDismiss();
          }}
        >
          Undo opening the link
        </button>
      )}{' '}
      <button type="button" className="link-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The Share card: Copy link, and the link itself for copying by hand. */
export function SharePanel({ config }: { config: TrainingConfig | null }) {
  const [link, setLink] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const onCopy = async () => {
    if (!config) return;
    const url = `${window.location.origin}${window.location.pathname}${window.location.search}${shareHash(config)}`;
    setLink(url);
    setStatus(
      (await copy(url)) ? 'Link copied to the clipboard.' : 'Copy the link below (the clipboard was not available).',
    );
  };
  return (
    <section className="card" aria-labelledby="pg-share">
      <h2 id="pg-share">Share</h2>
      <p>The link holds your pairs and settings; opening it restores them here.</p>
      <div className="toolbar">
        <button type="button" disabled={!config} onClick={() => void onCopy()}>
          Copy link
        </button>
        {!config && (
          <span className="muted">Fix the highlighted problems first: a link carries only valid settings.</span>
        )}
        <span role="status">{status}</span>
      </div>
      {link && (
        <div className="field pg-link-field">
          <label htmlFor="pg-share-link">Shareable link</label>
          <input id="pg-share-link" type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
        </div>
      )}
    </section>
  );
}

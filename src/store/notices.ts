/**
 * App-wide notices: what the app could not keep or save, updates, share links. Each has a
 * stable id, so the same problem raised twice shows once, and a later success can withdraw it.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface NoticeAction {
  label: string;
  run(): void;
}

export interface Notice {
  id: string;
  /** 'error' is announced at once (role=alert); 'info' politely (role=status). */
  kind: 'info' | 'error';
  text: string;
  actions?: NoticeAction[];
}

interface NoticeState {
  notices: Notice[];
}

export const noticeStore = createStore<NoticeState>()(() => ({ notices: [] }));

/** Shows `notice`, replacing one with the same id. */
export function notify(notice: Notice): void {
  const others = noticeStore.getState().notices.filter((n) => n.id !== notice.id);
  noticeStore.setState({ notices: [...others, notice] });
}

/** Withdraws the notice with this id (if shown). */
export function dismiss(id: string): void {
  const { notices } = noticeStore.getState();
  if (notices.some((n) => n.id === id)) noticeStore.setState({ notices: notices.filter((n) => n.id !== id) });
}

export function useNotices(): Notice[] {
  return useStore(noticeStore, (s) => s.notices);
}

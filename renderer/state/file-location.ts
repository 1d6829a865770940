// "Show in folder" where no file manager can be opened (the browser host: the page cannot reach
// the OS shell, and the studio may even run on another machine). The core still says where the
// file is; this holds that answer for the dialog that shows it with a "Copy path" button.
import { create } from 'zustand';
import type { GenerationRecord } from '../../shared/contract/contract';
import { attempt } from '../lib/notify';
import { studio } from '../studio';

interface FileLocationState {
  /** The file being shown: its absolute path and the title of the video. */
  shown: { path: string; title: string } | null;
  close(): void;
}

export const useFileLocation = create<FileLocationState>()((set) => ({
  shown: null,
  close: () => set({ shown: null }),
}));

/** Electron shows the file in the OS file manager; elsewhere the dialog says where it is. */
export async function revealFile(record: GenerationRecord, title: string): Promise<void> {
  const result = await attempt(() => studio.library.reveal({ id: record.id }));
  const short = title.length > 80 ? `${title.slice(0, 79)}…` : title;
  if (result && !result.shown) useFileLocation.setState({ shown: { path: result.path, title: short } });
}

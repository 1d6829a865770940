// A folder from the native picker, or typed by the user when the host has none (browser host).
import { promptForFolder } from '../components/FolderPrompt';
import { useApp } from '../state/app';
import { studio } from '../studio';

export async function chooseFolder(title: string): Promise<string | null> {
  const picked = await studio.dialog.chooseFolder({ title });
  if (picked) return picked;
  return useApp.getState().info?.host === 'browser' ? promptForFolder(title) : null;
}

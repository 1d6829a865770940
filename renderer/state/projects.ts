// Projects for the sidebar, the Generate picker and the library filter.
import { create } from 'zustand';
import type { Project } from '../../shared/contract/contract';
import { studio } from '../studio';

interface ProjectsState {
  projects: Project[];
  loaded: boolean;
  refresh(): Promise<void>;
  create(name: string): Promise<Project>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
}

export const useProjects = create<ProjectsState>()((set, get) => ({
  projects: [],
  loaded: false,
  async refresh() {
    set({ projects: await studio.projects.list(), loaded: true });
  },
  async create(name) {
    const project = await studio.projects.create({ name });
    await get().refresh();
    return project;
  },
  async rename(id, name) {
    await studio.projects.rename({ id, name });
    await get().refresh();
  },
  async remove(id) {
    await studio.projects.remove({ id });
    await get().refresh();
  },
}));

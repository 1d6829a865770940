import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { create, kindOf, type TestLibrary, tempLibrary } from './library-fixture';

let lib: TestLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

describe('projects', () => {
  it('creates, lists by name, renames and deletes', () => {
    const zoo = lib.store.createProject('  Zoo   shoot ');
    const brand = lib.store.createProject('brand film');
    expect(zoo).toMatchObject({ name: 'Zoo shoot', generationCount: 0, createdAt: lib.clock.now() });
    expect(lib.store.listProjects().map((project) => project.name)).toEqual(['brand film', 'Zoo shoot']);
    expect(lib.store.renameProject(brand.id, 'Brand Film 2').name).toBe('Brand Film 2');
    // Renaming to its own name in another case is fine.
    expect(lib.store.renameProject(zoo.id, 'ZOO SHOOT').name).toBe('ZOO SHOOT');
    lib.store.deleteProject(zoo.id);
    expect(lib.store.listProjects().map((project) => project.id)).toEqual([brand.id]);
  });

  it('refuses empty, overlong and duplicate names (ignoring case) and unknown ids', () => {
    const one = lib.store.createProject('One');
    lib.store.createProject('Two');
    expect(kindOf(() => lib.store.createProject('   '))).toBe('invalid_request');
    expect(kindOf(() => lib.store.createProject('x'.repeat(101)))).toBe('invalid_request');
    expect(kindOf(() => lib.store.createProject('one'))).toBe('invalid_request');
    expect(kindOf(() => lib.store.renameProject(one.id, 'TWO'))).toBe('invalid_request');
    expect(kindOf(() => lib.store.renameProject('missing', 'Three'))).toBe('not_found');
    expect(kindOf(() => lib.store.deleteProject('missing'))).toBe('not_found');
  });

  it('counts generations outside the trash and keeps them when the project is deleted', () => {
    const project = lib.store.createProject('Shoot');
    const a = create(lib.store, {}, { projectId: project.id });
    create(lib.store, {}, { projectId: project.id });
    const c = create(lib.store, {}, { projectId: project.id });
    create(lib.store);
    lib.store.updateGeneration(c.id, { state: 'cancelled' });
    lib.store.trash(c.id);
    expect(lib.store.listProjects()).toEqual([{ ...project, generationCount: 2 }]);
    // Moving a generation out of the project changes the count.
    lib.store.updateGeneration(a.id, { projectId: null });
    expect(lib.store.listProjects()[0]?.generationCount).toBe(1);

    lib.store.deleteProject(project.id);
    expect(lib.store.query({}).total).toBe(3);
    expect(lib.store.getGeneration(c.id)?.projectId).toBeNull();
    expect(lib.store.query({ projectId: null }).total).toBe(3);
  });

  it('refuses to move a generation into a project that does not exist', () => {
    const record = create(lib.store);
    expect(kindOf(() => lib.store.updateGeneration(record.id, { projectId: 'missing' }))).toBe('not_found');
  });
});

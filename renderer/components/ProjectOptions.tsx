// The options of a project picker: "no project" first, then every project, valued by id or by name
// (a batch item names its project; a watch folder keeps its id).
import type { Project } from '../../shared/contract/contract';

export function ProjectOptions({
  projects,
  none,
  by,
}: {
  projects: readonly Project[];
  none: string;
  by: 'id' | 'name';
}) {
  return (
    <>
      <option value="">{none}</option>
      {projects.map((project) => (
        <option key={project.id} value={project[by]}>
          {project.name}
        </option>
      ))}
    </>
  );
}

// Prompt templates: `{subject}` is a variable (every value the user lists is used, in every
// combination with the other variables) and `{red|amber|teal}` is an inline choice (one option is
// drawn per prompt from the batch seed). The same template, values and seed always give the same
// prompts in the same order, so a batch can be reproduced. Process-agnostic.
import { seededRandom } from '../domain/seeded-random';

const SLOT = /\{([^{}]*)\}/g;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,31}$/;

export interface TemplateSlots {
  variables: string[];
  choices: string[][];
}

/** The variables a template names (in order of first use) and its inline choices. */
export function templateSlots(template: string): TemplateSlots {
  const variables: string[] = [];
  const choices: string[][] = [];
  for (const [, inner = ''] of template.matchAll(SLOT)) {
    if (inner.includes('|')) choices.push(inner.split('|').map((option) => option.trim()));
    else if (VARIABLE_NAME.test(inner.trim()) && !variables.includes(inner.trim())) {
      variables.push(inner.trim());
    }
  }
  return { variables, choices };
}

/** What is wrong with a template and its values, in words the user can act on (empty: nothing). */
export function templateProblems(template: string, values: Record<string, string[]>): string[] {
  const problems: string[] = [];
  for (const [, inner = ''] of template.matchAll(SLOT)) {
    if (inner.includes('|')) {
      if (inner.split('|').some((option) => option.trim() === '')) {
        problems.push(`The choice {${inner}} has an empty option`);
      }
    } else if (!VARIABLE_NAME.test(inner.trim())) {
      problems.push(`{${inner}} is neither a variable name nor a list of choices separated by |`);
    }
  }
  for (const name of templateSlots(template).variables) {
    if (!values[name]?.some((value) => value.trim() !== ''))
      problems.push(`Give at least one value for {${name}}`);
  }
  return problems;
}

/** Every combination of the variables' values, the first variable varying slowest. */
function combinations(names: string[], values: Record<string, string[]>): Record<string, string>[] {
  let rows: Record<string, string>[] = [{}];
  for (const name of names) {
    const options = (values[name] ?? []).map((value) => value.trim()).filter(Boolean);
    rows = rows.flatMap((row) => options.map((option) => ({ ...row, [name]: option })));
  }
  return rows;
}

/**
 * The prompts a template makes: each combination of variable values, `variations` times, with the
 * inline choices drawn from `seed`. Whitespace runs are collapsed (a choice may be empty-ish).
 */
export function expandTemplate(
  template: string,
  values: Record<string, string[]>,
  options: { seed: number; variations: number },
): string[] {
  const random = seededRandom(options.seed);
  const { variables } = templateSlots(template);
  const prompts: string[] = [];
  for (const row of combinations(variables, values)) {
    for (let index = 0; index < options.variations; index++) {
      const prompt = template.replace(SLOT, (whole, inner: string) => {
        if (inner.includes('|')) {
          const choices = inner.split('|').map((option) => option.trim());
          return choices[Math.floor(random() * choices.length)] ?? '';
        }
        return row[inner.trim()] ?? whole;
      });
      prompts.push(prompt.replace(/\s+/g, ' ').trim());
    }
  }
  return prompts;
}

/** How many prompts a template makes, without making them (for limits and the live count). */
export function templateCount(
  template: string,
  values: Record<string, string[]>,
  variations: number,
): number {
  return templateSlots(template).variables.reduce(
    (count, name) => count * (values[name] ?? []).filter((value) => value.trim() !== '').length,
    variations,
  );
}

// Both languages say everything: the same keys, no empty strings, the same {{placeholders}}, and
// every key the renderer asks for exists. Plural forms are per language (CLDR: English has
// one/other, Russian one/few/many/other), so keys are compared with the plural suffix removed and
// each language must carry every form its own rules need.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../renderer/i18n/en.json';
import ru from '../../renderer/i18n/ru.json';

type Tree = { [key: string]: string | Tree };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function grouped(flat: Map<string, string>): Map<string, Map<string, string>> {
  const groups = new Map<string, Map<string, string>>();
  for (const [key, value] of flat) {
    const base = key.replace(PLURAL_SUFFIX, '');
    const form = PLURAL_SUFFIX.exec(key)?.[1] ?? '';
    const group = groups.get(base) ?? new Map<string, string>();
    group.set(form, value);
    groups.set(base, group);
  }
  return groups;
}

function placeholders(values: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const value of values)
    for (const match of value.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) names.add(match[1] ?? '');
  return [...names].sort();
}

const languages = { en: grouped(flatten(en as Tree)), ru: grouped(flatten(ru as Tree)) };

describe('renderer translations', () => {
  it('have the same keys in English and Russian', () => {
    expect([...languages.ru.keys()].sort()).toEqual([...languages.en.keys()].sort());
  });

  it('have no empty values', () => {
    for (const [language, groups] of Object.entries(languages)) {
      for (const [key, forms] of groups) {
        for (const [form, value] of forms) {
          expect(value.trim(), `${language}: ${key}${form ? `_${form}` : ''}`).not.toBe('');
        }
      }
    }
  });

  it('carry every plural form each language needs', () => {
    for (const [language, groups] of Object.entries(languages)) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [key, forms] of groups) {
        if (forms.has('')) continue;
        for (const category of categories)
          expect(forms.has(category), `${language}: ${key}_${category}`).toBe(true);
      }
    }
  });

  it('use the same interpolation placeholders in both languages', () => {
    for (const [key, enForms] of languages.en) {
      const ruForms = languages.ru.get(key);
      expect(placeholders(ruForms?.values() ?? []), key).toEqual(placeholders(enForms.values()));
    }
  });

  it('define every key the renderer uses', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) sources.push(readFileSync(path, 'utf8'));
      }
    };
    walk(join(__dirname, '../../renderer'));
    const keys = new Set(languages.en.keys());
    const prefixes = [...keys];
    for (const source of sources) {
      for (const match of source.matchAll(/\bt\(\s*(['`])([^'`]+)\1/g)) {
        const key = match[2] ?? '';
        if (key.includes('${')) {
          // A computed key like `states.${state}`: at least its fixed prefix must exist.
          const prefix = key.slice(0, key.indexOf('${'));
          expect(
            prefixes.some((known) => known.startsWith(prefix)),
            key,
          ).toBe(true);
        } else {
          expect(keys.has(key), key).toBe(true);
        }
      }
    }
  });
});

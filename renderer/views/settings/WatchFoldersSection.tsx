// Watch folders: each new image in a folder becomes an image-to-video generation in its project
// with the folder's preset. Off by default; every change saves at once, like the other settings.
import { useState } from 'react';
import type { WatchFolder } from '../../../shared/batch/watch-folder';
import type { Settings } from '../../../shared/contract/contract';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { ProjectOptions } from '../../components/ProjectOptions';
import { Segmented } from '../../components/Segmented';
import { Switch } from '../../components/Switch';
import { useTranslation } from '../../i18n/use-translation';
import { chooseFolder } from '../../lib/choose-folder';
import { useProjects } from '../../state/projects';
import { useSaveSetting } from './use-save-setting';

function PromptInput({
  value,
  onCommit,
  label,
}: {
  value: string;
  onCommit(value: string): void;
  label: string;
}) {
  const [draft, setDraft] = useState(value);
  const commit = () => {
    if (draft.trim() && draft !== value) onCommit(draft.trim());
    else setDraft(value);
  };
  return (
    <Field label={label}>
      {(control) => (
        <input
          {...control}
          className="input"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
          }}
        />
      )}
    </Field>
  );
}

export function WatchFoldersSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const save = useSaveSetting();
  const projects = useProjects((state) => state.projects);
  const folders = settings.watchFolders;
  const change = (index: number, patch: Partial<WatchFolder>) =>
    save({ watchFolders: folders.map((entry, at) => (at === index ? { ...entry, ...patch } : entry)) });
  const add = async () => {
    const folder = await chooseFolder(t('settings.watch.choose'));
    if (!folder || folders.some((entry) => entry.folder === folder)) return;
    const preset = {
      prompt: t('settings.watch.defaultPrompt'),
      resolution: '720p',
      duration: 5,
      promptExpansion: true,
      provider: 'auto',
    } as const;
    save({ watchFolders: [...folders, { folder, projectId: null, enabled: false, preset }] });
  };
  return (
    <div className="watch-folders" data-testid="watch-folders">
      {folders.length === 0 ? <p className="hint">{t('settings.watch.empty')}</p> : null}
      {folders.map((entry, index) => (
        <div key={entry.folder} className="watch-folder" data-testid="watch-folder">
          <div className="watch-folder-head">
            <code className="watch-folder-path">{entry.folder}</code>
            <Button
              size="sm"
              tone="ghost"
              icon="trash"
              onClick={() => save({ watchFolders: folders.filter((_, at) => at !== index) })}
            >
              {t('settings.watch.remove')}
            </Button>
          </div>
          <Switch
            label={t('settings.watch.enabled')}
            description={t('settings.watch.enabledHint')}
            checked={entry.enabled}
            onChange={(enabled) => change(index, { enabled })}
          />
          <Field label={t('settings.watch.project')}>
            {(control) => (
              <select
                {...control}
                className="select"
                value={entry.projectId ?? ''}
                onChange={(event) => change(index, { projectId: event.target.value || null })}
              >
                <ProjectOptions projects={projects} none={t('settings.watch.noProject')} by="id" />
              </select>
            )}
          </Field>
          <PromptInput
            label={t('settings.watch.prompt')}
            value={entry.preset.prompt}
            onCommit={(prompt) => change(index, { preset: { ...entry.preset, prompt } })}
          />
          <div className="options-row">
            <Segmented
              size="sm"
              label={t('settings.watch.resolution')}
              value={entry.preset.resolution}
              options={[
                { value: '720p', label: '720p' },
                { value: '1080p', label: '1080p' },
              ]}
              onChange={(resolution) => change(index, { preset: { ...entry.preset, resolution } })}
            />
            <Segmented
              size="sm"
              label={t('settings.watch.duration')}
              value={entry.preset.duration}
              options={[
                { value: 5, label: '5 s' },
                { value: 10, label: '10 s' },
              ]}
              onChange={(duration) => change(index, { preset: { ...entry.preset, duration } })}
            />
          </div>
        </div>
      ))}
      <div>
        <Button icon="folder" onClick={() => void add()} data-testid="watch-add">
          {t('settings.watch.add')}
        </Button>
      </div>
    </div>
  );
}

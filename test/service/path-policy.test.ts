// The one place that decides which paths the UI may name (issue 8, point 13), as each host
// configures it: Electron grants only what a dialog answered or the preload vouched for; the
// browser host and the CLI take any absolute path. Relative paths are refused everywhere.
import { describe, expect, it } from 'vitest';
import { isStudioError } from '../../main/core/errors';
import { anyAbsolutePath, grantedPathsOnly, type PathPolicy } from '../../main/service/path-policy';

function refusal(policy: PathPolicy, path: string): { kind: string; message: string } | null {
  try {
    policy.check(path);
    return null;
  } catch (error) {
    if (!isStudioError(error)) throw error;
    return { kind: error.kind, message: error.userMessage };
  }
}

describe('grantedPathsOnly (Electron)', () => {
  it('refuses a path nobody granted with forbidden, and passes a granted one', () => {
    const policy = grantedPathsOnly();
    expect(refusal(policy, '/home/me/Videos/clip.mp4')).toMatchObject({
      kind: 'forbidden',
      message: expect.stringMatching(/chose or dropped/),
    });
    policy.grant(['/home/me/Videos/clip.mp4', 'C:\\Users\\me\\clip.mp4']);
    expect(refusal(policy, '/home/me/Videos/clip.mp4')).toBeNull();
    expect(refusal(policy, 'C:\\Users\\me\\clip.mp4')).toBeNull();
    // A sibling, a parent and a file inside a granted file's "folder" are not granted.
    expect(refusal(policy, '/home/me/Videos/other.mp4')?.kind).toBe('forbidden');
    expect(refusal(policy, '/home/me/Videos')?.kind).toBe('forbidden');
  });

  it('compares normalized paths, so ../ cannot walk out of a grant', () => {
    const policy = grantedPathsOnly();
    policy.grant(['/home/me/Exports']);
    expect(refusal(policy, '/home/me/Exports/')).toBeNull();
    expect(refusal(policy, '/home/me/Exports/../.ssh')?.kind).toBe('forbidden');
    expect(refusal(policy, '/home/me/./Exports')).toBeNull();
  });

  it('never grants or accepts a relative path', () => {
    const policy = grantedPathsOnly();
    policy.grant(['clip.mp4']);
    expect(refusal(policy, 'clip.mp4')).toMatchObject({
      kind: 'invalid_request',
      message: '"clip.mp4" is a relative path; Wan Studio needs the full path.',
    });
  });
});

describe('anyAbsolutePath (browser host, CLI)', () => {
  it('accepts any absolute path and refuses relative ones', () => {
    const policy = anyAbsolutePath();
    expect(refusal(policy, '/tmp/anything.mp4')).toBeNull();
    expect(refusal(policy, '\\\\server\\share\\clip.mp4')).toBeNull();
    expect(refusal(policy, '../clip.mp4')?.kind).toBe('invalid_request');
  });
});

import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderFacts, type TrustedWindow } from '../../main/electron/sender-policy';

const ourWindow: TrustedWindow = { webContentsId: 7, mainFrameTreeNodeId: 1 };
const own: SenderFacts = {
  webContentsId: 7,
  webContentsType: 'window',
  frame: { frameTreeNodeId: 1, isTopLevel: true, url: 'wan-studio://app/index.html' },
};

function withFrame(patch: Partial<NonNullable<SenderFacts['frame']>>): SenderFacts {
  return { ...own, frame: { ...(own.frame as NonNullable<SenderFacts['frame']>), ...patch } };
}

describe('isTrustedSender', () => {
  it("accepts our window's main frame on the app URL", () => {
    expect(isTrustedSender(own, [ourWindow])).toBe(true);
    expect(isTrustedSender(withFrame({ url: 'wan-studio://app/#/library' }), [ourWindow])).toBe(true);
  });

  it('refuses a subframe of our window, even on the app URL', () => {
    expect(isTrustedSender(withFrame({ frameTreeNodeId: 5, isTopLevel: false }), [ourWindow])).toBe(false);
    expect(isTrustedSender(withFrame({ isTopLevel: false }), [ourWindow])).toBe(false);
    expect(isTrustedSender(withFrame({ frameTreeNodeId: 5 }), [ourWindow])).toBe(false);
  });

  it('refuses another window, and everyone when no window is trusted', () => {
    expect(isTrustedSender({ ...own, webContentsId: 8 }, [ourWindow])).toBe(false);
    expect(isTrustedSender(own, [])).toBe(false);
  });

  it('refuses our main frame once it shows anything but the app', () => {
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'wan-media://library/x.mp4',
      'wan-studio://evil/index.html',
      'wan-studio://app.evil.com/',
      'wan-studio://user:pass@app/',
      'about:blank',
      '',
    ]) {
      expect(isTrustedSender(withFrame({ url }), [ourWindow]), url).toBe(false);
    }
  });

  it('refuses devtools and webviews', () => {
    const devtools: SenderFacts = {
      webContentsId: 9,
      webContentsType: 'remote',
      frame: { frameTreeNodeId: 3, isTopLevel: true, url: 'devtools://devtools/bundled/devtools_app.html' },
    };
    expect(isTrustedSender(devtools, [ourWindow])).toBe(false);
    // Even one that somehow carries our window's ids is not a 'window'.
    expect(isTrustedSender({ ...own, webContentsType: 'webview' }, [ourWindow])).toBe(false);
  });

  it('refuses a sender whose frame is gone', () => {
    expect(isTrustedSender({ ...own, frame: null }, [ourWindow])).toBe(false);
  });
});

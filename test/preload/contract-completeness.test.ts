// Both sides of the contract must list the same channels. The type-level half fails `tsc` (the
// typecheck step) when a group or method is missing on either side; the runtime half checks what
// buildStudioApi really builds.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { createHandlers } from '../../main/service/handlers';
import type { StudioCore } from '../../main/service/types';
import { buildStudioApi } from '../../shared/contract/build-api';
import {
  channelNames,
  contract,
  EVENT_NAMES,
  type EventName,
  type StudioApi,
  type StudioEvents,
  type StudioHandlers,
} from '../../shared/contract/contract';

type Contract = typeof contract;
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type ChannelsOf<T> = { [G in keyof T & string]: `${G}.${keyof T[G] & string}` }[keyof T & string];

type ContractChannel = ChannelsOf<Contract>;
type HandlerChannel = ChannelsOf<StudioHandlers>;
type ApiChannel = ChannelsOf<Omit<StudioApi, 'on'>>;

describe('contract completeness (types)', () => {
  it('StudioHandlers has exactly the contract channels', () => {
    expectTypeOf<HandlerChannel>().toEqualTypeOf<ContractChannel>();
    const groupsMatch: { [G in keyof Contract]: Equals<keyof StudioHandlers[G], keyof Contract[G]> } = {
      app: true,
      generations: true,
      budget: true,
      spend: true,
      queue: true,
      library: true,
      projects: true,
      sequences: true,
      settings: true,
      drafts: true,
      prompts: true,
      presets: true,
      key: true,
      balance: true,
      audio: true,
      images: true,
      hosting: true,
      batch: true,
      dialog: true,
    };
    expect(Object.keys(groupsMatch).sort()).toEqual(Object.keys(contract).sort());
  });

  it('the API built by build-api has every group and method, plus on()', () => {
    expectTypeOf<ReturnType<typeof buildStudioApi>>().toEqualTypeOf<StudioApi>();
    expectTypeOf<ApiChannel>().toEqualTypeOf<ContractChannel>();
    expectTypeOf<keyof StudioApi>().toEqualTypeOf<keyof Contract | 'on'>();
  });

  it('the core implements handlers of the contract type behind its API, and every event has a payload type', () => {
    expectTypeOf<ReturnType<typeof createHandlers>>().toEqualTypeOf<StudioHandlers>();
    expectTypeOf<StudioCore['api']>().toEqualTypeOf<StudioApi>();
    expectTypeOf<EventName>().toEqualTypeOf<keyof StudioEvents>();
  });
});

describe('contract completeness (runtime)', () => {
  const invoked: string[] = [];
  const api = buildStudioApi(
    async (channel) => {
      invoked.push(channel);
      return { ok: true, value: channel };
    },
    () => () => {},
  );

  it('exposes exactly channelNames() as group.method functions', () => {
    const exposed = Object.entries(api)
      .filter(([key]) => key !== 'on')
      .flatMap(([group, methods]) =>
        Object.entries(methods as Record<string, unknown>).map(([name, value]) => {
          expect(typeof value, `${group}.${name}`).toBe('function');
          return `${group}.${name}`;
        }),
      );
    expect(exposed.sort()).toEqual(channelNames().sort());
    expect(typeof api.on).toBe('function');
  });

  it('routes each method to its own channel', async () => {
    invoked.length = 0;
    for (const channel of channelNames()) {
      const [group, name] = channel.split('.') as [string, string];
      const method = (
        api as unknown as Record<string, Record<string, (argument?: unknown) => Promise<unknown>>>
      )[group]?.[name];
      expect(await method?.()).toBe(channel);
    }
    expect(invoked).toEqual(channelNames());
  });

  it('is frozen, and refuses events outside the contract', () => {
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.app)).toBe(true);
    expect(() => api.on('not.an.event' as EventName, () => {})).toThrow(/Unknown event/);
    for (const event of EVENT_NAMES) expect(typeof api.on(event, () => {})).toBe('function');
  });
});

/**
 * Whether the central system is reachable, from what the engine observes. Pure: an event in,
 * the next state and what to do out.
 *
 * - A successful probe or request means online, whatever the OS said (evidence wins).
 * - A failed probe of `metadata` means offline: it is the cheapest request there is.
 * - Network errors on real requests count up; only `offlineAfter` in a row mean offline, so
 *   one reset on a flaky link does not stop a drain that retries anyway.
 * - The OS saying "offline" is believed at once; "online" makes the state unknown and asks
 *   for a probe, because an OS link (Wi-Fi up) is not a route to the central system.
 * HTTP errors (5xx, 429) are not connectivity events: the link works, the server is busy.
 */
export type Connectivity = 'online' | 'offline' | 'unknown';

export type LinkEvent = 'probeOk' | 'probeFailed' | 'requestOk' | 'networkError' | 'osOnline' | 'osOffline';

export interface LinkState {
  status: Connectivity;
  failuresInRow: number;
}

export interface LinkDecision {
  state: LinkState;
  /** Probe `metadata` now (rather than at the next interval). */
  probeNow: boolean;
  /** The link has just come back: start draining. */
  resume: boolean;
}

export const INITIAL_LINK: LinkState = { status: 'unknown', failuresInRow: 0 };

export function linkNext(s: LinkState, event: LinkEvent, offlineAfter: number): LinkDecision {
  switch (event) {
    case 'probeOk':
    case 'requestOk':
      return { state: { status: 'online', failuresInRow: 0 }, probeNow: false, resume: s.status !== 'online' };
    case 'probeFailed':
      return { state: { status: 'offline', failuresInRow: s.failuresInRow + 1 }, probeNow: false, resume: false };
    case 'networkError': {
      const failuresInRow = s.failuresInRow + 1;
      return { state: { status: failuresInRow >= offlineAfter ? 'offline' : s.status, failuresInRow }, probeNow: false, resume: false };
    }
    case 'osOffline':
      return { state: { status: 'offline', failuresInRow: s.failuresInRow }, probeNow: false, resume: false };
    case 'osOnline':
      return { state: { status: s.status === 'online' ? 'online' : 'unknown', failuresInRow: 0 }, probeNow: s.status !== 'online', resume: false };
  }
}

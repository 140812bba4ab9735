/**
 * The renderer's only origin, and the checks on who may call the core. Plain functions with
 * no Electron import, so the sender rules are tested under Node (origin.test.ts).
 */
export const APP_ORIGIN = 'app://desk';

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

export interface SenderFacts {
  /** The sending frame's URL, or null when the frame is gone (navigated or destroyed). */
  frameUrl: string | null;
  /** Whether the frame is its page's top frame (not an iframe: the PDF viewer, a form preview). */
  isTopFrame: boolean;
  /** Whether the web contents belongs to one of our own windows. */
  isOurWindow: boolean;
}

/**
 * A call is served only from the top frame of one of our windows showing our own origin.
 * Anything else (a subframe, a foreign page, a print window, a frame already gone) is refused.
 */
export function senderAllowed(s: SenderFacts): boolean {
  return s.frameUrl !== null && s.isTopFrame && s.isOurWindow && isAppUrl(s.frameUrl);
}

/** The method name as the renderer sent it: a short string, or nothing is forwarded. */
export function methodName(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 && v.length <= 100 ? v : null;
}

import type { EventSink } from '../core/bot.js';
import type { ChatPlatform } from '../core/ports.js';
import type { Platform } from '../core/types.js';

/**
 * A running platform: it turns platform events into core events (and acknowledges them as the
 * core's ack plan says) and is the ChatPlatform scheduled work posts through. main.ts starts each
 * configured adapter and stops them first on shutdown, so no new event arrives while the rest closes.
 */
export interface PlatformAdapter extends ChatPlatform {
  readonly platform: Platform;
  /** Connects and starts delivering events to `sink`; resolves once it is listening. */
  start(sink: EventSink): Promise<void>;
  /** Stops taking events and waits for the ones in flight. */
  stop(): Promise<void>;
  /** Resolves when the adapter ends by itself (the console at end of input); others never do. */
  readonly finished?: Promise<void>;
}

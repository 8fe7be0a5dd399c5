/** Discord's epoch (2015-01-01T00:00:00Z): discord.js derives `createdTimestamp` from it, so fake ids must use it too. */
const DISCORD_EPOCH = 1_420_070_400_000n;

/** Real-shaped snowflakes (timestamp << 22 | counter), strictly increasing even within one millisecond. */
export class Snowflakes {
  #last = 0n;

  next(): string {
    const fromClock = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
    this.#last = fromClock > this.#last ? fromClock : this.#last + 1n;
    return this.#last.toString();
  }
}

/** Which shard receives a guild's events: (guild_id >> 22) % shard_count, as Discord routes them. */
export function shardFor(guildId: string | null | undefined, shardCount: number): number {
  if (!guildId) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

// Message storms: a handler that sends the message it handles (itself, or through other handlers and change
// scripts) runs forever on a gateway. Each message carries the chain of messages that led to it from the event a
// person, a scenario or a script started; past a bounded depth, or a bounded number of deliveries for one such
// event, the runtime stops delivering, reports a divergence naming the cycle, and the run goes on.

/** Messages in one chain before it is a storm: the same bound as chains of change scripts. */
export const MAX_MESSAGE_DEPTH = 32;
/** Deliveries one originating event may cause in all (a handler sending two messages doubles them each time). */
export const MAX_MESSAGES_PER_EVENT = 1000;

export interface MessageChain {
  /** Shared by every message the same originating event led to. */
  readonly origin: { sent: number };
  /** The message names from the first to this one. */
  readonly names: readonly string[];
}

/** The chain of a message sent now, by a script that ran for `current` (undefined: the send starts a chain). */
export function follow(current: MessageChain | undefined, name: string): MessageChain {
  return current ? { origin: current.origin, names: [...current.names, name] } : { origin: { sent: 0 }, names: [name] };
}

/** Why the message that ends `chain` is not delivered, or undefined when it is: counts its deliveries as sent. */
export function stormOf(chain: MessageChain, deliveries = 1): string | undefined {
  chain.origin.sent += deliveries;
  if (chain.names.length > MAX_MESSAGE_DEPTH) return `${MAX_MESSAGE_DEPTH} messages in a chain`;
  if (chain.origin.sent > MAX_MESSAGES_PER_EVENT) return `${MAX_MESSAGES_PER_EVENT} messages from one event`;
  return undefined;
}

/**
 * The repeating part of a chain, as people read it: `ping → ping`, `ping → pong → ping`; without a repetition,
 * its last few messages.
 */
export function cycleOf(names: readonly string[]): string {
  for (let period = 1; 2 * period <= names.length; period++) {
    const tail = names.slice(-period);
    if (tail.every((name, i) => names[names.length - 2 * period + i] === name)) return [...tail, tail[0]].map((n) => `"${n}"`).join(' → ');
  }
  const shown = names.slice(-4).map((n) => `"${n}"`).join(' → ');
  return names.length > 4 ? `… → ${shown}` : shown;
}

type Where = { file: string; line: number; column?: number };

/** The divergence of a storm, at the line that sent the message it stopped. */
export function reportStorm(parts: { divergences: { report(rule: string, message: string, where?: Where): void } }, chain: MessageChain, storm: string, where?: Where): void {
  parts.divergences.report('message-storm', `message storm: ${cycleOf(chain.names)} (${storm}); stopped delivering here, a gateway would keep going`, where);
}

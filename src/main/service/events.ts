import { EventEmitter } from 'node:events';
import type { EventName, Events } from '../../shared/contract';
import { EVENT_NAMES } from '../../shared/channels';

/** The service's change events, typed by the contract. */
export class ServiceEvents {
  private readonly emitter = new EventEmitter();

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    this.emitter.emit(event, payload);
  }

  /** Subscribes; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }

  /** Subscribes to every event (transports forward them all). */
  onAny(listener: <E extends EventName>(event: E, payload: Events[E]) => void): () => void {
    const offs = EVENT_NAMES.map((name) => this.on(name, (payload) => listener(name, payload)));
    return () => offs.forEach((off) => off());
  }
}

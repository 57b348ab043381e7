import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** Whether the service is shutting down: readiness answers 503 from the first moment. */
export class ShutdownState {
  draining = false;
}

export interface DrainResult {
  /** Requests still unanswered when the time ran out (0 on a clean drain). */
  unanswered: number;
  ms: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// After a busy stretch Node runs due timers before it polls for new connections: passing the
// poll phase twice lets connections waiting in the kernel's backlog be accepted and counted.
const afterPoll = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * Lets an HTTP server end the way a load balancer expects. Closing the listener at once resets
 * every connection the kernel has accepted into the backlog but Node has not yet picked up
 * (measured: 94 of 100 writes in flight at SIGTERM got ECONNRESET, one of them committed). So the
 * listener stays open while anything is in flight or still arriving, and closes only after a
 * quiet moment: no request in flight, no connection that has not sent its request yet, nothing
 * new for `quietMs`. Responses given while draining say `Connection: close`, so keep-alive
 * clients open a new connection (to another instance) for their next request.
 */
export class HttpDrain {
  private inFlight = 0;
  private lastActivity = Date.now();
  /** Accepted connections that have not sent a request yet: closing now would reset them. */
  private readonly waiting = new Set<Socket>();
  private draining = false;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.lastActivity = Date.now();
      this.waiting.add(socket);
      socket.once('close', () => this.waiting.delete(socket));
    });
    // Before Express sees the request, so the Connection header can still be set.
    server.prependListener('request', (req, res) => {
      this.waiting.delete(req.socket);
      this.inFlight++;
      this.lastActivity = Date.now();
      if (this.draining) res.shouldKeepAlive = false;
      res.once('close', () => {
        this.inFlight--;
        this.lastActivity = Date.now();
      });
    });
    server.prependListener('upgrade', (req) => this.waiting.delete(req.socket));
  }

  private settled(quietMs: number): boolean {
    return this.inFlight === 0 && this.waiting.size === 0 && Date.now() - this.lastActivity >= quietMs;
  }

  /**
   * Serves everything already connected (the backlog included) until a quiet moment, then stops
   * accepting and waits for the last answers, all before `deadline` (epoch ms).
   */
  async drain(deadline: number, quietMs: number): Promise<DrainResult> {
    const started = Date.now();
    this.draining = true;
    while (Date.now() < deadline) {
      await afterPoll();
      if (this.settled(quietMs)) break;
      await sleep(Math.min(25, quietMs || 1));
    }
    this.server.close();
    // Keep-alive connections between requests would otherwise hold the server open.
    this.server.closeIdleConnections();
    while (this.inFlight > 0 && Date.now() < deadline) await sleep(10);
    return { unanswered: this.inFlight, ms: Date.now() - started };
  }
}

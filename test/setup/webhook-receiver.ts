import * as http from 'http';
import type { AddressInfo } from 'net';

export interface ReceivedCall {
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A webhook receiver on 127.0.0.1 that records every call and answers 500 to the first `failFirst`. */
export class WebhookReceiver {
  readonly calls: ReceivedCall[] = [];
  failFirst = 0;
  private server?: http.Server;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const status = this.calls.length < this.failFirst ? 500 : 204;
        this.calls.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/docket-hook`;
  }

  /** Calls for one delivery id. */
  callsFor(deliveryId: string): ReceivedCall[] {
    return this.calls.filter((c) => c.headers['x-docket-delivery'] === deliveryId);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

// A bare Fastify route on this machine: the yardstick the app's own request path is measured against.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true }));
await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
console.log('ready');

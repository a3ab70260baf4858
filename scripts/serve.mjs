// `npm start`: serve the built app with vite preview and print where it is.
import { preview } from 'vite';

const port = Number(process.env.PORT ?? 4173);
const server = await preview({ preview: { port, host: process.env.HOST ?? '127.0.0.1', strictPort: false } });
server.printUrls();
console.log('Perceptron Lab is being served. Press Ctrl+C to stop.');

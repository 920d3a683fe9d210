// Worker-thread entry: TypeScript through tsx, like the CLI itself.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');

// encoding-japanese is a CommonJS package: bundlers (Vite, Vitest) expose its functions as
// named exports, but Node's own ESM loader (the CLI) only as `default`. One import for both.
import * as ns from 'encoding-japanese';

const Encoding = ((ns as unknown as { default?: typeof ns }).default ?? ns) as typeof ns;

export default Encoding;

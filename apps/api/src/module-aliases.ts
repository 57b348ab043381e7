import Module from 'node:module';
import path from 'node:path';

// The compiled service (dist/apps/api, built by `nx build api`) still says `@siban/<lib>`; those
// names exist only as TypeScript paths. Every alias follows one convention (tsconfig.base.json),
// so they resolve to the compiled libs beside the app. Under ts runners (swc-node, ts-jest) the
// runner maps the paths itself and this does nothing.
if (__filename.endsWith('.js')) {
  const distRoot = path.resolve(__dirname, '..', '..', '..');
  const moduleWithResolver = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
  const resolve = moduleWithResolver._resolveFilename;
  moduleWithResolver._resolveFilename = function (request: string, ...rest: unknown[]) {
    const lib = /^@siban\/([a-z-]+)$/.exec(request);
    return resolve.call(this, lib ? path.join(distRoot, 'libs', lib[1], 'src', 'index.js') : request, ...rest);
  };
}

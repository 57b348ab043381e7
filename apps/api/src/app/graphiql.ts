import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** Where GraphiQL's files are served from: this service, never a CDN (office networks reach none). */
export const GRAPHIQL_ASSETS = '/graphiql';

// graphiql 4.1 is the last release with a prebuilt browser bundle (UMD, React as globals);
// graphiql 5 ships Monaco as ES modules that need a bundler. React 18 is the last with UMD files.
const packageFile = (name: string, file: string) => path.join(path.dirname(require.resolve(`${name}/package.json`)), file);

const ASSET_FILES: Record<string, () => string> = {
  'graphiql.min.css': () => packageFile('graphiql', 'graphiql.min.css'),
  'graphiql.min.js': () => packageFile('graphiql', 'graphiql.min.js'),
  'react.production.min.js': () => packageFile('react', 'umd/react.production.min.js'),
  'react-dom.production.min.js': () => packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphql-ws.min.js': () => packageFile('graphql-ws', 'umd/graphql-ws.min.js'),
};

// Queries and mutations go over HTTP, subscriptions over graphql-ws on the same path; the token
// typed into the headers editor is sent with both (as connection_init's `authorization`).
const START_SCRIPT = `(function () {
  var url = location.origin + '/graphql';
  var wsUrl = url.replace(/^http/, 'ws');
  function authorization(headers) {
    for (var key in headers || {}) if (key.toLowerCase() === 'authorization') return headers[key];
    return undefined;
  }
  function isSubscription(params, opts) {
    var definitions = (opts && opts.documentAST && opts.documentAST.definitions) || [];
    for (var i = 0; i < definitions.length; i++) {
      var d = definitions[i];
      if (d.kind === 'OperationDefinition' && (!params.operationName || (d.name && d.name.value === params.operationName))) {
        return d.operation === 'subscription';
      }
    }
    return /^\\s*subscription\\b/.test(params.query);
  }
  function fetcher(params, opts) {
    var headers = (opts && opts.headers) || {};
    if (isSubscription(params, opts)) {
      return {
        subscribe: function (observer) {
          var client = graphqlWs.createClient({ url: wsUrl, connectionParams: { authorization: authorization(headers) } });
          var stop = client.subscribe(params, {
            next: function (value) { observer.next(value); },
            error: function (error) { observer.error(error); },
            complete: function () { observer.complete(); },
          });
          return { unsubscribe: function () { stop(); client.dispose(); } };
        },
      };
    }
    return fetch(url, {
      method: 'POST',
      headers: Object.assign({ 'content-type': 'application/json' }, headers),
      body: JSON.stringify(params),
    }).then(function (response) { return response.json(); });
  }
  var defaultQuery = [
    '# 四办协同 GraphQL. Sign in first:',
    '#   mutation { login(input: { username: "party.sec", password: "..." }) { token } }',
    '# then put the token in Headers below: { "Authorization": "Bearer <token>" }',
    '# (subscriptions run over graphql-ws with the same header).',
    '',
    '{ me { displayName roles } }',
    '',
  ].join('\\n');
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      defaultEditorToolsVisibility: 'headers',
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    }),
  );
})();
`;

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>四办协同 · GraphiQL</title>
<link rel="stylesheet" href="${GRAPHIQL_ASSETS}/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">GraphiQL…</div>
<script src="${GRAPHIQL_ASSETS}/react.production.min.js"></script>
<script src="${GRAPHIQL_ASSETS}/react-dom.production.min.js"></script>
<script src="${GRAPHIQL_ASSETS}/graphql-ws.min.js"></script>
<script src="${GRAPHIQL_ASSETS}/graphiql.min.js"></script>
<script src="${GRAPHIQL_ASSETS}/start.js"></script>
</body>
</html>
`;

/**
 * Express middleware serving the GraphiQL IDE: the page for a browser's GET of /graphql (one
 * that prefers HTML), and its files under /graphiql. Everything else, POSTs and WebSocket
 * upgrades included, goes on to Apollo.
 */
export function graphiqlMiddleware(graphqlPath: string) {
  const files = Object.fromEntries(Object.entries(ASSET_FILES).map(([name, locate]) => [name, locate()]));
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === graphqlPath && req.accepts(['application/json', 'text/html']) === 'text/html') {
      res.type('html').set('Cache-Control', 'no-store').send(PAGE);
      return;
    }
    if (!req.path.startsWith(`${GRAPHIQL_ASSETS}/`)) return next();
    const name = req.path.slice(GRAPHIQL_ASSETS.length + 1);
    if (name === 'start.js') {
      res.type('js').send(START_SCRIPT);
      return;
    }
    const file = files[name];
    if (!file) return next();
    res.sendFile(file, { maxAge: '1d' });
  };
}

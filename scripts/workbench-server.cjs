// Child process of scripts/workbench.cjs. @vscode/test-web's server logs to stdout; running it here lets that log go
// to a file instead of mixing with test output.
const { runServer } = require('@vscode/test-web/out/server/main');

const { host, port, config } = JSON.parse(process.argv[2]);

runServer(host, port, config).then((server) => {
  server.once('listening', () => process.send({ port: server.address().port }));
  server.once('error', (error) => {
    console.error(error);
    process.exit(1);
  });
});

// The IPC channel closes when the parent exits, however it exits.
process.on('disconnect', () => process.exit(0));

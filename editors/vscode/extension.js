// A minimal VS Code extension that starts `cplan server` for YAML files.
// It works beside Red Hat's YAML extension, which completes keys from the schema.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration('cplan');
  const server = { command: settings.get('path') || 'cplan', args: ['server'] };
  client = new LanguageClient('cplan', 'cplan', server, {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    initializationOptions: { cplan: { asOf: settings.get('asOf') || null } },
    // Sends `cplan.*` settings again when they change (cplan.asOf).
    synchronize: { configurationSection: 'cplan' },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

import { Argument, type Command } from 'commander';
import { completionScript, completionSpec, SHELLS, type Shell } from '../completion.js';
import { EXIT } from '../errors.js';
import { out } from '../io.js';

export function registerCompletion(program: Command, run: (fn: () => Promise<number>) => Promise<void>): void {
  program
    .command('completion')
    .summary('print a shell completion script (bash, zsh, fish or powershell)')
    .addArgument(new Argument('<shell>', 'bash, zsh, fish or powershell').choices(SHELLS))
    .addHelpText(
      'after',
      "\nLoad it in the current shell, or add the line to the shell's start-up file:\n" +
        '  bash:        source <(shipaudit completion bash)            (~/.bashrc)\n' +
        '  zsh:         source <(shipaudit completion zsh)             (~/.zshrc, after compinit)\n' +
        '  fish:        shipaudit completion fish | source             (~/.config/fish/config.fish)\n' +
        '  PowerShell:  shipaudit completion powershell | Out-String | Invoke-Expression   ($PROFILE)',
    )
    .action((shell: Shell) =>
      run(() => {
        // Every command is registered for this one (see main.ts), so the script names them all.
        out(completionScript(shell, completionSpec(program)));
        return Promise.resolve(EXIT.ok);
      }),
    );
}

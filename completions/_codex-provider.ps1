
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'codex-provider' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'codex-provider'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'codex-provider' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Probe an endpoint, then add it as `[model_providers.ID]`')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a provider (and model) the default, or write a profile file selecting it (alias: switch)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List providers (custom and built-in) and profile files')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List providers (custom and built-in) and profile files')
            [CompletionResult]::new('current', 'current', [CompletionResultType]::ParameterValue, 'Print the active provider id (and model with -v)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every field of a provider with Codex''s defaults and where each comes from')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a provider')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a provider')
            [CompletionResult]::new('probe', 'probe', [CompletionResultType]::ParameterValue, 'Check that an endpoint works the way Codex needs (models, streaming Responses, tools)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Diagnose the config, the environment and the endpoints; --fix repairs the safe problems')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'Profile files (`NAME.config.toml`, used by `codex --profile NAME`)')
            [CompletionResult]::new('presets', 'presets', [CompletionResultType]::ParameterValue, 'The built-in provider presets')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Restore the files changed by the last codex-provider write')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'Write a Codex model catalog: the bundled models plus the endpoint''s, with their context windows')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Store or remove a provider''s API key: in $CODEX_HOME/.env, or in the OS keychain')
            [CompletionResult]::new('threads', 'threads', [CompletionResultType]::ParameterValue, 'Every thread Codex recorded, newest first, with the command that resumes it with its own provider')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a provider and every `model_provider` that selects it')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one field of a provider, typed as Codex reads it')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one field of a provider (Codex then uses its default)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print providers as a file of `[model_providers.ID]` tables (no secrets), for `apply`')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make config.toml''s providers match a file (add or update in place, probe, optionally prune)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Turn OPENAI_BASE_URL / OPENAI_API_BASE (+ OPENAI_API_KEY) into a probed provider')
            [CompletionResult]::new('models', 'models', [CompletionResultType]::ParameterValue, 'The endpoint''s model ids, the configured one marked, and whether Codex knows each')
            [CompletionResult]::new('bridge', 'bridge', [CompletionResultType]::ParameterValue, 'Run codex-relay in front of a chat-only endpoint, so Codex can use it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'codex-provider;add' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'API root, e.g. https://openrouter.ai/api/v1 (Codex POSTs to BASE_URL/responses)')
            [CompletionResult]::new('--env-key', '--env-key', [CompletionResultType]::ParameterName, 'Name of the environment variable holding the API key (never the key itself)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name [default: the preset''s name, else the id]')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Model id to probe with (and to select with --use / --profile)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model id to probe with (and to select with --use / --profile)')
            [CompletionResult]::new('--preset', '--preset', [CompletionResultType]::ParameterName, 'Start from a built-in preset (see `codex-provider presets`)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Query parameter sent with every request (repeatable), e.g. api-version=2025-04-01-preview')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Static HTTP header (repeatable)')
            [CompletionResult]::new('--env-header', '--env-header', [CompletionResultType]::ParameterName, 'HTTP header whose value is read from an environment variable (repeatable)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Also write NAME.config.toml selecting it (`codex --profile NAME`)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Request timeout in seconds [default: 15]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--use', '--use', [CompletionResultType]::ParameterName, 'Also make it the default provider in config.toml')
            [CompletionResult]::new('--no-probe', '--no-probe', [CompletionResultType]::ParameterName, 'Save without probing the endpoint')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Save even when the probe fails')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Update an existing provider (only the fields given)')
            [CompletionResult]::new('--bridge', '--bridge', [CompletionResultType]::ParameterName, 'Chat-only endpoint: run codex-relay in front of it and point the provider at the relay')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print a diff of each file that would change; write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;use' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Model id to select with it')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model id to select with it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Write NAME.config.toml instead (with ID), or make that profile the default (without ID)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Switch even to a provider Codex would refuse (e.g. `wire_api = "chat"`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print a diff of each file that would change; write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;list' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;ls' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;current' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Layer NAME.config.toml over config.toml, as `codex --profile NAME` does')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Print this template: {provider}, {model}, {profile}, {base_url} (empty when unset)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;show' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Layer NAME.config.toml over config.toml, as `codex --profile NAME` does')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;remove' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Remove even when it is the default or a profile selects it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print a diff of each file that would change; write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;rm' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Remove even when it is the default or a profile selects it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print a diff of each file that would change; write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;probe' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Probe this URL instead of a configured provider')
            [CompletionResult]::new('--env-key', '--env-key', [CompletionResultType]::ParameterName, 'Variable holding the key (with --base-url)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Model id to send [default: the configured model]')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model id to send [default: the configured model]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Layer NAME.config.toml over config.toml when resolving the provider and model')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Request timeout in seconds [default: 15]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('--deep', '--deep', [CompletionResultType]::ParameterName, 'Also send Codex''s non-function tools and try the WebSocket upgrade')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Probe every configured provider concurrently: one row each (verdict, latency, model)')
            [CompletionResult]::new('--codex', '--codex', [CompletionResultType]::ParameterName, 'Run the installed Codex on a one-file edit task in a scratch folder (--timeout bounds it; default 120 s)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;doctor' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Layer NAME.config.toml over config.toml, as `codex --profile NAME` does')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Probe this provider instead of the active one')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Request timeout in seconds [default: 15]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Probe every configured provider')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Skip the network checks')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Print only the tally line')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Apply the safe repairs (asks first on a terminal; --yes for scripts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print a diff of each file that would change; write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;profile' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profile files and legacy `[profiles.*]` tables')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a profile file and what it selects')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete a profile file (backed up; `undo` restores it)')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Turn legacy `[profiles.x]` tables and `profile = "x"` into x.config.toml files')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'codex-provider;profile;list' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;profile;show' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;profile;remove' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print a diff of each file that would change; write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;profile;migrate' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite keys in profile files that already exist')
            [CompletionResult]::new('--keep-default', '--keep-default', [CompletionResultType]::ParameterName, 'Make the provider and model of the legacy `profile = "x"` the default (asked on a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print a diff of each file that would change; write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;profile;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profile files and legacy `[profiles.*]` tables')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a profile file and what it selects')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete a profile file (backed up; `undo` restores it)')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Turn legacy `[profiles.x]` tables and `profile = "x"` into x.config.toml files')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'codex-provider;profile;help;list' {
            break
        }
        'codex-provider;profile;help;show' {
            break
        }
        'codex-provider;profile;help;remove' {
            break
        }
        'codex-provider;profile;help;migrate' {
            break
        }
        'codex-provider;profile;help;help' {
            break
        }
        'codex-provider;presets' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;undo' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List what each kept backup would restore (newest first); restore nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print a diff of each file that would change; write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;completions' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;catalog' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--context-window', '--context-window', [CompletionResultType]::ParameterName, 'Context window (tokens) for the models whose `/models` entry gives none [default: the template entry''s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Request timeout in seconds [default: 15]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print a diff of each file that would change; write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;key' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store the key (hidden prompt, or one line on stdin): in $CODEX_HOME/.env under the provider''s env_key name, or with --keychain in the OS keychain')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the provider''s key from the OS keychain, for Codex (its `auth.command`)')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove the key: from the OS keychain (restoring env_key) when the provider uses it, else the key line from $CODEX_HOME/.env')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'codex-provider;key;set' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('--keychain', '--keychain', [CompletionResultType]::ParameterName, 'Store it in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service) and make the provider''s `auth.command` run `codex-provider key get ID` instead of reading env_key: no file holds the key')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;key;get' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Print the key even when stdout is a terminal')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;key;unset' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;key;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store the key (hidden prompt, or one line on stdin): in $CODEX_HOME/.env under the provider''s env_key name, or with --keychain in the OS keychain')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the provider''s key from the OS keychain, for Codex (its `auth.command`)')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove the key: from the OS keychain (restoring env_key) when the provider uses it, else the key line from $CODEX_HOME/.env')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'codex-provider;key;help;set' {
            break
        }
        'codex-provider;key;help;get' {
            break
        }
        'codex-provider;key;help;unset' {
            break
        }
        'codex-provider;key;help;help' {
            break
        }
        'codex-provider;threads' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only the threads recorded with this provider')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;rename' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print a diff of each file that would change; write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;set' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print a diff of each file that would change; write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;unset' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print a diff of each file that would change; write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;export' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;apply' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'A providers file (TOML from `export`, or its --json form)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'A providers file (TOML from `export`, or its --json form)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Request timeout in seconds [default: 15]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also remove providers the file lacks (never the active one or one a profile selects)')
            [CompletionResult]::new('--no-probe', '--no-probe', [CompletionResultType]::ParameterName, 'Write without probing the new and changed providers')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write even when a probe fails')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print a diff of each file that would change; write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;import' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Provider id [default: from the URL''s host, e.g. `llm-corp-example`]')
            [CompletionResult]::new('--env-key', '--env-key', [CompletionResultType]::ParameterName, 'Name of the key variable to write as env_key [default: OPENAI_API_KEY]')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Model id to probe with (and to select with --use / --profile)')
            [CompletionResult]::new('--model', '--model', [CompletionResultType]::ParameterName, 'Model id to probe with (and to select with --use / --profile)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Also write NAME.config.toml selecting it (`codex --profile NAME`)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--use', '--use', [CompletionResultType]::ParameterName, 'Also make it the default provider in config.toml')
            [CompletionResult]::new('--no-probe', '--no-probe', [CompletionResultType]::ParameterName, 'Save without probing the endpoint')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Save even when the probe fails')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print a diff of each file that would change; write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;models' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Request timeout in seconds [default: 15]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;bridge' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start the relay for a provider (and point its base_url at it)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the provider''s relay')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'running / stopped / stale, per provider (all recorded bridges without ID)')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Write a login service (systemd user unit or launchd agent) that starts the relay')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove that login service')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'codex-provider;bridge;start' {
            [CompletionResult]::new('--upstream', '--upstream', [CompletionResultType]::ParameterName, 'The chat-only API root to forward to [default: the recorded one, else the provider''s base_url]')
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--foreground', '--foreground', [CompletionResultType]::ParameterName, 'Run the relay in this process (for login services)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;bridge;stop' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;bridge;status' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output (one JSON document on stdout)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;bridge;install' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;bridge;uninstall' {
            [CompletionResult]::new('--codex-home', '--codex-home', [CompletionResultType]::ParameterName, 'Codex home directory [default: $CODEX_HOME, else ~/.codex]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Never prompt; take defaults and flags as given')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more (where values come from, request details)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'codex-provider;bridge;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start the relay for a provider (and point its base_url at it)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the provider''s relay')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'running / stopped / stale, per provider (all recorded bridges without ID)')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Write a login service (systemd user unit or launchd agent) that starts the relay')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove that login service')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'codex-provider;bridge;help;start' {
            break
        }
        'codex-provider;bridge;help;stop' {
            break
        }
        'codex-provider;bridge;help;status' {
            break
        }
        'codex-provider;bridge;help;install' {
            break
        }
        'codex-provider;bridge;help;uninstall' {
            break
        }
        'codex-provider;bridge;help;help' {
            break
        }
        'codex-provider;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Probe an endpoint, then add it as `[model_providers.ID]`')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a provider (and model) the default, or write a profile file selecting it (alias: switch)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List providers (custom and built-in) and profile files')
            [CompletionResult]::new('current', 'current', [CompletionResultType]::ParameterValue, 'Print the active provider id (and model with -v)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every field of a provider with Codex''s defaults and where each comes from')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a provider')
            [CompletionResult]::new('probe', 'probe', [CompletionResultType]::ParameterValue, 'Check that an endpoint works the way Codex needs (models, streaming Responses, tools)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Diagnose the config, the environment and the endpoints; --fix repairs the safe problems')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'Profile files (`NAME.config.toml`, used by `codex --profile NAME`)')
            [CompletionResult]::new('presets', 'presets', [CompletionResultType]::ParameterValue, 'The built-in provider presets')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Restore the files changed by the last codex-provider write')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('catalog', 'catalog', [CompletionResultType]::ParameterValue, 'Write a Codex model catalog: the bundled models plus the endpoint''s, with their context windows')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Store or remove a provider''s API key: in $CODEX_HOME/.env, or in the OS keychain')
            [CompletionResult]::new('threads', 'threads', [CompletionResultType]::ParameterValue, 'Every thread Codex recorded, newest first, with the command that resumes it with its own provider')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Rename a provider and every `model_provider` that selects it')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one field of a provider, typed as Codex reads it')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one field of a provider (Codex then uses its default)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print providers as a file of `[model_providers.ID]` tables (no secrets), for `apply`')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make config.toml''s providers match a file (add or update in place, probe, optionally prune)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Turn OPENAI_BASE_URL / OPENAI_API_BASE (+ OPENAI_API_KEY) into a probed provider')
            [CompletionResult]::new('models', 'models', [CompletionResultType]::ParameterValue, 'The endpoint''s model ids, the configured one marked, and whether Codex knows each')
            [CompletionResult]::new('bridge', 'bridge', [CompletionResultType]::ParameterValue, 'Run codex-relay in front of a chat-only endpoint, so Codex can use it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'codex-provider;help;add' {
            break
        }
        'codex-provider;help;use' {
            break
        }
        'codex-provider;help;list' {
            break
        }
        'codex-provider;help;current' {
            break
        }
        'codex-provider;help;show' {
            break
        }
        'codex-provider;help;remove' {
            break
        }
        'codex-provider;help;probe' {
            break
        }
        'codex-provider;help;doctor' {
            break
        }
        'codex-provider;help;profile' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profile files and legacy `[profiles.*]` tables')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a profile file and what it selects')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete a profile file (backed up; `undo` restores it)')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Turn legacy `[profiles.x]` tables and `profile = "x"` into x.config.toml files')
            break
        }
        'codex-provider;help;profile;list' {
            break
        }
        'codex-provider;help;profile;show' {
            break
        }
        'codex-provider;help;profile;remove' {
            break
        }
        'codex-provider;help;profile;migrate' {
            break
        }
        'codex-provider;help;presets' {
            break
        }
        'codex-provider;help;undo' {
            break
        }
        'codex-provider;help;completions' {
            break
        }
        'codex-provider;help;catalog' {
            break
        }
        'codex-provider;help;key' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store the key (hidden prompt, or one line on stdin): in $CODEX_HOME/.env under the provider''s env_key name, or with --keychain in the OS keychain')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print the provider''s key from the OS keychain, for Codex (its `auth.command`)')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove the key: from the OS keychain (restoring env_key) when the provider uses it, else the key line from $CODEX_HOME/.env')
            break
        }
        'codex-provider;help;key;set' {
            break
        }
        'codex-provider;help;key;get' {
            break
        }
        'codex-provider;help;key;unset' {
            break
        }
        'codex-provider;help;threads' {
            break
        }
        'codex-provider;help;rename' {
            break
        }
        'codex-provider;help;set' {
            break
        }
        'codex-provider;help;unset' {
            break
        }
        'codex-provider;help;export' {
            break
        }
        'codex-provider;help;apply' {
            break
        }
        'codex-provider;help;import' {
            break
        }
        'codex-provider;help;models' {
            break
        }
        'codex-provider;help;bridge' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start the relay for a provider (and point its base_url at it)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the provider''s relay')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'running / stopped / stale, per provider (all recorded bridges without ID)')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Write a login service (systemd user unit or launchd agent) that starts the relay')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove that login service')
            break
        }
        'codex-provider;help;bridge;start' {
            break
        }
        'codex-provider;help;bridge;stop' {
            break
        }
        'codex-provider;help;bridge;status' {
            break
        }
        'codex-provider;help;bridge;install' {
            break
        }
        'codex-provider;help;bridge;uninstall' {
            break
        }
        'codex-provider;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}

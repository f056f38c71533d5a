
use builtin;
use str;

set edit:completion:arg-completer[codex-provider] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'codex-provider'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'codex-provider'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Probe an endpoint, then add it as `[model_providers.ID]`'
            cand use 'Make a provider (and model) the default, or write a profile file selecting it (alias: switch)'
            cand list 'List providers (custom and built-in) and profile files'
            cand ls 'List providers (custom and built-in) and profile files'
            cand current 'Print the active provider id (and model with -v)'
            cand show 'Show every field of a provider with Codex''s defaults and where each comes from'
            cand remove 'Remove a provider'
            cand rm 'Remove a provider'
            cand probe 'Check that an endpoint works the way Codex needs (models, streaming Responses, tools)'
            cand doctor 'Diagnose the config, the environment and the endpoints; --fix repairs the safe problems'
            cand profile 'Profile files (`NAME.config.toml`, used by `codex --profile NAME`)'
            cand presets 'The built-in provider presets'
            cand undo 'Restore the files changed by the last codex-provider write'
            cand completions 'Print a shell completion script'
            cand catalog 'Write a Codex model catalog: the bundled models plus the endpoint''s, with their context windows'
            cand key 'Store or remove a provider''s API key: in $CODEX_HOME/.env, or in the OS keychain'
            cand threads 'Every thread Codex recorded, newest first, with the command that resumes it with its own provider'
            cand rename 'Rename a provider and every `model_provider` that selects it'
            cand set 'Set one field of a provider, typed as Codex reads it'
            cand unset 'Remove one field of a provider (Codex then uses its default)'
            cand export 'Print providers as a file of `[model_providers.ID]` tables (no secrets), for `apply`'
            cand apply 'Make config.toml''s providers match a file (add or update in place, probe, optionally prune)'
            cand import 'Turn OPENAI_BASE_URL / OPENAI_API_BASE (+ OPENAI_API_KEY) into a probed provider'
            cand models 'The endpoint''s model ids, the configured one marked, and whether Codex knows each'
            cand bridge 'Run codex-relay in front of a chat-only endpoint, so Codex can use it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'codex-provider;add'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --base-url 'API root, e.g. https://openrouter.ai/api/v1 (Codex POSTs to BASE_URL/responses)'
            cand --env-key 'Name of the environment variable holding the API key (never the key itself)'
            cand --name 'Display name [default: the preset''s name, else the id]'
            cand -m 'Model id to probe with (and to select with --use / --profile)'
            cand --model 'Model id to probe with (and to select with --use / --profile)'
            cand --preset 'Start from a built-in preset (see `codex-provider presets`)'
            cand --query 'Query parameter sent with every request (repeatable), e.g. api-version=2025-04-01-preview'
            cand --header 'Static HTTP header (repeatable)'
            cand --env-header 'HTTP header whose value is read from an environment variable (repeatable)'
            cand --profile 'Also write NAME.config.toml selecting it (`codex --profile NAME`)'
            cand --timeout 'Request timeout in seconds [default: 15]'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --use 'Also make it the default provider in config.toml'
            cand --no-probe 'Save without probing the endpoint'
            cand --force 'Save even when the probe fails'
            cand --replace 'Update an existing provider (only the fields given)'
            cand --bridge 'Chat-only endpoint: run codex-relay in front of it and point the provider at the relay'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand --dry-run 'Print a diff of each file that would change; write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;use'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -m 'Model id to select with it'
            cand --model 'Model id to select with it'
            cand --profile 'Write NAME.config.toml instead (with ID), or make that profile the default (without ID)'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --force 'Switch even to a provider Codex would refuse (e.g. `wire_api = "chat"`)'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand --dry-run 'Print a diff of each file that would change; write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;list'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;ls'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;current'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --profile 'Layer NAME.config.toml over config.toml, as `codex --profile NAME` does'
            cand --format 'Print this template: {provider}, {model}, {profile}, {base_url} (empty when unset)'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;show'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --profile 'Layer NAME.config.toml over config.toml, as `codex --profile NAME` does'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;remove'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --force 'Remove even when it is the default or a profile selects it'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand --dry-run 'Print a diff of each file that would change; write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;rm'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --force 'Remove even when it is the default or a profile selects it'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand --dry-run 'Print a diff of each file that would change; write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;probe'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --base-url 'Probe this URL instead of a configured provider'
            cand --env-key 'Variable holding the key (with --base-url)'
            cand -m 'Model id to send [default: the configured model]'
            cand --model 'Model id to send [default: the configured model]'
            cand --profile 'Layer NAME.config.toml over config.toml when resolving the provider and model'
            cand --timeout 'Request timeout in seconds [default: 15]'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand --deep 'Also send Codex''s non-function tools and try the WebSocket upgrade'
            cand --all 'Probe every configured provider concurrently: one row each (verdict, latency, model)'
            cand --codex 'Run the installed Codex on a one-file edit task in a scratch folder (--timeout bounds it; default 120 s)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;doctor'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --profile 'Layer NAME.config.toml over config.toml, as `codex --profile NAME` does'
            cand --provider 'Probe this provider instead of the active one'
            cand --timeout 'Request timeout in seconds [default: 15]'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --all 'Probe every configured provider'
            cand --offline 'Skip the network checks'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand --summary 'Print only the tally line'
            cand --fix 'Apply the safe repairs (asks first on a terminal; --yes for scripts)'
            cand --dry-run 'Print a diff of each file that would change; write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;profile'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List profile files and legacy `[profiles.*]` tables'
            cand show 'Show a profile file and what it selects'
            cand remove 'Delete a profile file (backed up; `undo` restores it)'
            cand migrate 'Turn legacy `[profiles.x]` tables and `profile = "x"` into x.config.toml files'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'codex-provider;profile;list'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;profile;show'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;profile;remove'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --dry-run 'Print a diff of each file that would change; write nothing'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;profile;migrate'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --force 'Overwrite keys in profile files that already exist'
            cand --keep-default 'Make the provider and model of the legacy `profile = "x"` the default (asked on a terminal)'
            cand --dry-run 'Print a diff of each file that would change; write nothing'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;profile;help'= {
            cand list 'List profile files and legacy `[profiles.*]` tables'
            cand show 'Show a profile file and what it selects'
            cand remove 'Delete a profile file (backed up; `undo` restores it)'
            cand migrate 'Turn legacy `[profiles.x]` tables and `profile = "x"` into x.config.toml files'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'codex-provider;profile;help;list'= {
        }
        &'codex-provider;profile;help;show'= {
        }
        &'codex-provider;profile;help;remove'= {
        }
        &'codex-provider;profile;help;migrate'= {
        }
        &'codex-provider;profile;help;help'= {
        }
        &'codex-provider;presets'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;undo'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --list 'List what each kept backup would restore (newest first); restore nothing'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand --dry-run 'Print a diff of each file that would change; write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;completions'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;catalog'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --context-window 'Context window (tokens) for the models whose `/models` entry gives none [default: the template entry''s]'
            cand --timeout 'Request timeout in seconds [default: 15]'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand --dry-run 'Print a diff of each file that would change; write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;key'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand set 'Store the key (hidden prompt, or one line on stdin): in $CODEX_HOME/.env under the provider''s env_key name, or with --keychain in the OS keychain'
            cand get 'Print the provider''s key from the OS keychain, for Codex (its `auth.command`)'
            cand unset 'Remove the key: from the OS keychain (restoring env_key) when the provider uses it, else the key line from $CODEX_HOME/.env'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'codex-provider;key;set'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand --keychain 'Store it in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service) and make the provider''s `auth.command` run `codex-provider key get ID` instead of reading env_key: no file holds the key'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;key;get'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --reveal 'Print the key even when stdout is a terminal'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;key;unset'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;key;help'= {
            cand set 'Store the key (hidden prompt, or one line on stdin): in $CODEX_HOME/.env under the provider''s env_key name, or with --keychain in the OS keychain'
            cand get 'Print the provider''s key from the OS keychain, for Codex (its `auth.command`)'
            cand unset 'Remove the key: from the OS keychain (restoring env_key) when the provider uses it, else the key line from $CODEX_HOME/.env'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'codex-provider;key;help;set'= {
        }
        &'codex-provider;key;help;get'= {
        }
        &'codex-provider;key;help;unset'= {
        }
        &'codex-provider;key;help;help'= {
        }
        &'codex-provider;threads'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --provider 'Only the threads recorded with this provider'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;rename'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand --dry-run 'Print a diff of each file that would change; write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;set'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand --dry-run 'Print a diff of each file that would change; write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;unset'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand --dry-run 'Print a diff of each file that would change; write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;export'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;apply'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -f 'A providers file (TOML from `export`, or its --json form)'
            cand --file 'A providers file (TOML from `export`, or its --json form)'
            cand --timeout 'Request timeout in seconds [default: 15]'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --prune 'Also remove providers the file lacks (never the active one or one a profile selects)'
            cand --no-probe 'Write without probing the new and changed providers'
            cand --force 'Write even when a probe fails'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand --dry-run 'Print a diff of each file that would change; write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;import'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --id 'Provider id [default: from the URL''s host, e.g. `llm-corp-example`]'
            cand --env-key 'Name of the key variable to write as env_key [default: OPENAI_API_KEY]'
            cand -m 'Model id to probe with (and to select with --use / --profile)'
            cand --model 'Model id to probe with (and to select with --use / --profile)'
            cand --profile 'Also write NAME.config.toml selecting it (`codex --profile NAME`)'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --use 'Also make it the default provider in config.toml'
            cand --no-probe 'Save without probing the endpoint'
            cand --force 'Save even when the probe fails'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand --dry-run 'Print a diff of each file that would change; write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;models'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --timeout 'Request timeout in seconds [default: 15]'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;bridge'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand start 'Start the relay for a provider (and point its base_url at it)'
            cand stop 'Stop the provider''s relay'
            cand status 'running / stopped / stale, per provider (all recorded bridges without ID)'
            cand install 'Write a login service (systemd user unit or launchd agent) that starts the relay'
            cand uninstall 'Remove that login service'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'codex-provider;bridge;start'= {
            cand --upstream 'The chat-only API root to forward to [default: the recorded one, else the provider''s base_url]'
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --foreground 'Run the relay in this process (for login services)'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;bridge;stop'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;bridge;status'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand --json 'Machine-readable output (one JSON document on stdout)'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;bridge;install'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;bridge;uninstall'= {
            cand --codex-home 'Codex home directory [default: $CODEX_HOME, else ~/.codex]'
            cand --color 'When to use colour'
            cand -y 'Never prompt; take defaults and flags as given'
            cand --yes 'Never prompt; take defaults and flags as given'
            cand -q 'Print only errors and data'
            cand --quiet 'Print only errors and data'
            cand -v 'Say more (where values come from, request details)'
            cand --verbose 'Say more (where values come from, request details)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'codex-provider;bridge;help'= {
            cand start 'Start the relay for a provider (and point its base_url at it)'
            cand stop 'Stop the provider''s relay'
            cand status 'running / stopped / stale, per provider (all recorded bridges without ID)'
            cand install 'Write a login service (systemd user unit or launchd agent) that starts the relay'
            cand uninstall 'Remove that login service'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'codex-provider;bridge;help;start'= {
        }
        &'codex-provider;bridge;help;stop'= {
        }
        &'codex-provider;bridge;help;status'= {
        }
        &'codex-provider;bridge;help;install'= {
        }
        &'codex-provider;bridge;help;uninstall'= {
        }
        &'codex-provider;bridge;help;help'= {
        }
        &'codex-provider;help'= {
            cand add 'Probe an endpoint, then add it as `[model_providers.ID]`'
            cand use 'Make a provider (and model) the default, or write a profile file selecting it (alias: switch)'
            cand list 'List providers (custom and built-in) and profile files'
            cand current 'Print the active provider id (and model with -v)'
            cand show 'Show every field of a provider with Codex''s defaults and where each comes from'
            cand remove 'Remove a provider'
            cand probe 'Check that an endpoint works the way Codex needs (models, streaming Responses, tools)'
            cand doctor 'Diagnose the config, the environment and the endpoints; --fix repairs the safe problems'
            cand profile 'Profile files (`NAME.config.toml`, used by `codex --profile NAME`)'
            cand presets 'The built-in provider presets'
            cand undo 'Restore the files changed by the last codex-provider write'
            cand completions 'Print a shell completion script'
            cand catalog 'Write a Codex model catalog: the bundled models plus the endpoint''s, with their context windows'
            cand key 'Store or remove a provider''s API key: in $CODEX_HOME/.env, or in the OS keychain'
            cand threads 'Every thread Codex recorded, newest first, with the command that resumes it with its own provider'
            cand rename 'Rename a provider and every `model_provider` that selects it'
            cand set 'Set one field of a provider, typed as Codex reads it'
            cand unset 'Remove one field of a provider (Codex then uses its default)'
            cand export 'Print providers as a file of `[model_providers.ID]` tables (no secrets), for `apply`'
            cand apply 'Make config.toml''s providers match a file (add or update in place, probe, optionally prune)'
            cand import 'Turn OPENAI_BASE_URL / OPENAI_API_BASE (+ OPENAI_API_KEY) into a probed provider'
            cand models 'The endpoint''s model ids, the configured one marked, and whether Codex knows each'
            cand bridge 'Run codex-relay in front of a chat-only endpoint, so Codex can use it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'codex-provider;help;add'= {
        }
        &'codex-provider;help;use'= {
        }
        &'codex-provider;help;list'= {
        }
        &'codex-provider;help;current'= {
        }
        &'codex-provider;help;show'= {
        }
        &'codex-provider;help;remove'= {
        }
        &'codex-provider;help;probe'= {
        }
        &'codex-provider;help;doctor'= {
        }
        &'codex-provider;help;profile'= {
            cand list 'List profile files and legacy `[profiles.*]` tables'
            cand show 'Show a profile file and what it selects'
            cand remove 'Delete a profile file (backed up; `undo` restores it)'
            cand migrate 'Turn legacy `[profiles.x]` tables and `profile = "x"` into x.config.toml files'
        }
        &'codex-provider;help;profile;list'= {
        }
        &'codex-provider;help;profile;show'= {
        }
        &'codex-provider;help;profile;remove'= {
        }
        &'codex-provider;help;profile;migrate'= {
        }
        &'codex-provider;help;presets'= {
        }
        &'codex-provider;help;undo'= {
        }
        &'codex-provider;help;completions'= {
        }
        &'codex-provider;help;catalog'= {
        }
        &'codex-provider;help;key'= {
            cand set 'Store the key (hidden prompt, or one line on stdin): in $CODEX_HOME/.env under the provider''s env_key name, or with --keychain in the OS keychain'
            cand get 'Print the provider''s key from the OS keychain, for Codex (its `auth.command`)'
            cand unset 'Remove the key: from the OS keychain (restoring env_key) when the provider uses it, else the key line from $CODEX_HOME/.env'
        }
        &'codex-provider;help;key;set'= {
        }
        &'codex-provider;help;key;get'= {
        }
        &'codex-provider;help;key;unset'= {
        }
        &'codex-provider;help;threads'= {
        }
        &'codex-provider;help;rename'= {
        }
        &'codex-provider;help;set'= {
        }
        &'codex-provider;help;unset'= {
        }
        &'codex-provider;help;export'= {
        }
        &'codex-provider;help;apply'= {
        }
        &'codex-provider;help;import'= {
        }
        &'codex-provider;help;models'= {
        }
        &'codex-provider;help;bridge'= {
            cand start 'Start the relay for a provider (and point its base_url at it)'
            cand stop 'Stop the provider''s relay'
            cand status 'running / stopped / stale, per provider (all recorded bridges without ID)'
            cand install 'Write a login service (systemd user unit or launchd agent) that starts the relay'
            cand uninstall 'Remove that login service'
        }
        &'codex-provider;help;bridge;start'= {
        }
        &'codex-provider;help;bridge;stop'= {
        }
        &'codex-provider;help;bridge;status'= {
        }
        &'codex-provider;help;bridge;install'= {
        }
        &'codex-provider;help;bridge;uninstall'= {
        }
        &'codex-provider;help;help'= {
        }
    ]
    $completions[$command]
}

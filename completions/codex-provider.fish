# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_codex_provider_global_optspecs
    string join \n codex-home= color= y/yes q/quiet v/verbose h/help V/version
end

function __fish_codex_provider_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_codex_provider_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_codex_provider_using_subcommand
    set -l cmd (__fish_codex_provider_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c codex-provider -n "__fish_codex_provider_needs_command" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_needs_command" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -s V -l version -d 'Print version'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "add" -d 'Probe an endpoint, then add it as `[model_providers.ID]`'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "use" -d 'Make a provider (and model) the default, or write a profile file selecting it (alias: switch)'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "list" -d 'List providers (custom and built-in) and profile files'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "ls" -d 'List providers (custom and built-in) and profile files'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "current" -d 'Print the active provider id (and model with -v)'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "show" -d 'Show every field of a provider with Codex\'s defaults and where each comes from'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "remove" -d 'Remove a provider'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "rm" -d 'Remove a provider'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "probe" -d 'Check that an endpoint works the way Codex needs (models, streaming Responses, tools)'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "doctor" -d 'Diagnose the config, the environment and the endpoints; --fix repairs the safe problems'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "profile" -d 'Profile files (`NAME.config.toml`, used by `codex --profile NAME`)'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "presets" -d 'The built-in provider presets'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "undo" -d 'Restore the files changed by the last codex-provider write'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "catalog" -d 'Write a Codex model catalog: the bundled models plus the endpoint\'s, with their context windows'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "key" -d 'Store or remove a provider\'s API key: in $CODEX_HOME/.env, or in the OS keychain'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "threads" -d 'Every thread Codex recorded, newest first, with the command that resumes it with its own provider'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "rename" -d 'Rename a provider and every `model_provider` that selects it'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "set" -d 'Set one field of a provider, typed as Codex reads it'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "unset" -d 'Remove one field of a provider (Codex then uses its default)'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "export" -d 'Print providers as a file of `[model_providers.ID]` tables (no secrets), for `apply`'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "apply" -d 'Make config.toml\'s providers match a file (add or update in place, probe, optionally prune)'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "import" -d 'Turn OPENAI_BASE_URL / OPENAI_API_BASE (+ OPENAI_API_KEY) into a probed provider'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "models" -d 'The endpoint\'s model ids, the configured one marked, and whether Codex knows each'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "bridge" -d 'Run codex-relay in front of a chat-only endpoint, so Codex can use it'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l base-url -d 'API root, e.g. https://openrouter.ai/api/v1 (Codex POSTs to BASE_URL/responses)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l env-key -d 'Name of the environment variable holding the API key (never the key itself)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l name -d 'Display name [default: the preset\'s name, else the id]' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -s m -l model -d 'Model id to probe with (and to select with --use / --profile)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l preset -d 'Start from a built-in preset (see `codex-provider presets`)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l query -d 'Query parameter sent with every request (repeatable), e.g. api-version=2025-04-01-preview' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l header -d 'Static HTTP header (repeatable)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l env-header -d 'HTTP header whose value is read from an environment variable (repeatable)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l profile -d 'Also write NAME.config.toml selecting it (`codex --profile NAME`)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l timeout -d 'Request timeout in seconds [default: 15]' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l use -d 'Also make it the default provider in config.toml'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l no-probe -d 'Save without probing the endpoint'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l force -d 'Save even when the probe fails'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l replace -d 'Update an existing provider (only the fields given)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l bridge -d 'Chat-only endpoint: run codex-relay in front of it and point the provider at the relay'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -s m -l model -d 'Model id to select with it' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -l profile -d 'Write NAME.config.toml instead (with ID), or make that profile the default (without ID)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -l force -d 'Switch even to a provider Codex would refuse (e.g. `wire_api = "chat"`)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand list" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand list" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand list" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand list" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand list" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand list" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand ls" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand ls" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand ls" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand ls" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand ls" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand ls" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand ls" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -l profile -d 'Layer NAME.config.toml over config.toml, as `codex --profile NAME` does' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -l format -d 'Print this template: {provider}, {model}, {profile}, {base_url} (empty when unset)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand show" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand show" -l profile -d 'Layer NAME.config.toml over config.toml, as `codex --profile NAME` does' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand show" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand show" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand show" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand show" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand show" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -l force -d 'Remove even when it is the default or a profile selects it'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rm" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rm" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rm" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rm" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rm" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rm" -l force -d 'Remove even when it is the default or a profile selects it'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rm" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rm" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rm" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l base-url -d 'Probe this URL instead of a configured provider' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l env-key -d 'Variable holding the key (with --base-url)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -s m -l model -d 'Model id to send [default: the configured model]' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l profile -d 'Layer NAME.config.toml over config.toml when resolving the provider and model' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l timeout -d 'Request timeout in seconds [default: 15]' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l deep -d 'Also send Codex\'s non-function tools and try the WebSocket upgrade'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l all -d 'Probe every configured provider concurrently: one row each (verdict, latency, model)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l codex -d 'Run the installed Codex on a one-file edit task in a scratch folder (--timeout bounds it; default 120 s)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l profile -d 'Layer NAME.config.toml over config.toml, as `codex --profile NAME` does' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l provider -d 'Probe this provider instead of the active one' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l timeout -d 'Request timeout in seconds [default: 15]' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l all -d 'Probe every configured provider'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l offline -d 'Skip the network checks'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l summary -d 'Print only the tally line'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l fix -d 'Apply the safe repairs (asks first on a terminal; --yes for scripts)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and not __fish_seen_subcommand_from list show remove migrate help" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and not __fish_seen_subcommand_from list show remove migrate help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and not __fish_seen_subcommand_from list show remove migrate help" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and not __fish_seen_subcommand_from list show remove migrate help" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and not __fish_seen_subcommand_from list show remove migrate help" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and not __fish_seen_subcommand_from list show remove migrate help" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and not __fish_seen_subcommand_from list show remove migrate help" -f -a "list" -d 'List profile files and legacy `[profiles.*]` tables'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and not __fish_seen_subcommand_from list show remove migrate help" -f -a "show" -d 'Show a profile file and what it selects'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and not __fish_seen_subcommand_from list show remove migrate help" -f -a "remove" -d 'Delete a profile file (backed up; `undo` restores it)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and not __fish_seen_subcommand_from list show remove migrate help" -f -a "migrate" -d 'Turn legacy `[profiles.x]` tables and `profile = "x"` into x.config.toml files'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and not __fish_seen_subcommand_from list show remove migrate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from list" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from list" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from show" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from show" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from remove" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from remove" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from migrate" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from migrate" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from migrate" -l force -d 'Overwrite keys in profile files that already exist'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from migrate" -l keep-default -d 'Make the provider and model of the legacy `profile = "x"` the default (asked on a terminal)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from migrate" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from migrate" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from migrate" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from migrate" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'List profile files and legacy `[profiles.*]` tables'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a profile file and what it selects'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Delete a profile file (backed up; `undo` restores it)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Turn legacy `[profiles.x]` tables and `profile = "x"` into x.config.toml files'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand presets" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand presets" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand presets" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand presets" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand presets" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand presets" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand presets" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand undo" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand undo" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand undo" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand undo" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand undo" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand undo" -l list -d 'List what each kept backup would restore (newest first); restore nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand undo" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand undo" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand undo" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand completions" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand completions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand completions" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand completions" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand completions" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand completions" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -l context-window -d 'Context window (tokens) for the models whose `/models` entry gives none [default: the template entry\'s]' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -l timeout -d 'Request timeout in seconds [default: 15]' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and not __fish_seen_subcommand_from set get unset help" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and not __fish_seen_subcommand_from set get unset help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and not __fish_seen_subcommand_from set get unset help" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and not __fish_seen_subcommand_from set get unset help" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and not __fish_seen_subcommand_from set get unset help" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and not __fish_seen_subcommand_from set get unset help" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and not __fish_seen_subcommand_from set get unset help" -f -a "set" -d 'Store the key (hidden prompt, or one line on stdin): in $CODEX_HOME/.env under the provider\'s env_key name, or with --keychain in the OS keychain'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and not __fish_seen_subcommand_from set get unset help" -f -a "get" -d 'Print the provider\'s key from the OS keychain, for Codex (its `auth.command`)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and not __fish_seen_subcommand_from set get unset help" -f -a "unset" -d 'Remove the key: from the OS keychain (restoring env_key) when the provider uses it, else the key line from $CODEX_HOME/.env'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and not __fish_seen_subcommand_from set get unset help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from set" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from set" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from set" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from set" -l keychain -d 'Store it in the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service) and make the provider\'s `auth.command` run `codex-provider key get ID` instead of reading env_key: no file holds the key'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from set" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from get" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from get" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from get" -l reveal -d 'Print the key even when stdout is a terminal'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from get" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from unset" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from unset" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from unset" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from unset" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from unset" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from unset" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from unset" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "set" -d 'Store the key (hidden prompt, or one line on stdin): in $CODEX_HOME/.env under the provider\'s env_key name, or with --keychain in the OS keychain'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print the provider\'s key from the OS keychain, for Codex (its `auth.command`)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "unset" -d 'Remove the key: from the OS keychain (restoring env_key) when the provider uses it, else the key line from $CODEX_HOME/.env'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand threads" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand threads" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand threads" -l provider -d 'Only the threads recorded with this provider' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand threads" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand threads" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand threads" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand threads" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand threads" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rename" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rename" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rename" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rename" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rename" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rename" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rename" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand rename" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand set" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand set" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand set" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand set" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand set" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand set" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand set" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand set" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand unset" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand unset" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand unset" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand unset" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand unset" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand unset" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand unset" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand unset" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand export" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand export" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand export" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand export" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand export" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand export" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand export" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand apply" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand apply" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand apply" -s f -l file -d 'A providers file (TOML from `export`, or its --json form)' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand apply" -l timeout -d 'Request timeout in seconds [default: 15]' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand apply" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand apply" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand apply" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand apply" -l prune -d 'Also remove providers the file lacks (never the active one or one a profile selects)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand apply" -l no-probe -d 'Write without probing the new and changed providers'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand apply" -l force -d 'Write even when a probe fails'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand apply" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand apply" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand apply" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand import" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand import" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand import" -l id -d 'Provider id [default: from the URL\'s host, e.g. `llm-corp-example`]' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand import" -l env-key -d 'Name of the key variable to write as env_key [default: OPENAI_API_KEY]' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand import" -s m -l model -d 'Model id to probe with (and to select with --use / --profile)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand import" -l profile -d 'Also write NAME.config.toml selecting it (`codex --profile NAME`)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand import" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand import" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand import" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand import" -l use -d 'Also make it the default provider in config.toml'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand import" -l no-probe -d 'Save without probing the endpoint'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand import" -l force -d 'Save even when the probe fails'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand import" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand import" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand import" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand models" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand models" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand models" -l timeout -d 'Request timeout in seconds [default: 15]' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand models" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand models" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand models" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand models" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand models" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and not __fish_seen_subcommand_from start stop status install uninstall help" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and not __fish_seen_subcommand_from start stop status install uninstall help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and not __fish_seen_subcommand_from start stop status install uninstall help" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and not __fish_seen_subcommand_from start stop status install uninstall help" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and not __fish_seen_subcommand_from start stop status install uninstall help" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and not __fish_seen_subcommand_from start stop status install uninstall help" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and not __fish_seen_subcommand_from start stop status install uninstall help" -f -a "start" -d 'Start the relay for a provider (and point its base_url at it)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and not __fish_seen_subcommand_from start stop status install uninstall help" -f -a "stop" -d 'Stop the provider\'s relay'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and not __fish_seen_subcommand_from start stop status install uninstall help" -f -a "status" -d 'running / stopped / stale, per provider (all recorded bridges without ID)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and not __fish_seen_subcommand_from start stop status install uninstall help" -f -a "install" -d 'Write a login service (systemd user unit or launchd agent) that starts the relay'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and not __fish_seen_subcommand_from start stop status install uninstall help" -f -a "uninstall" -d 'Remove that login service'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and not __fish_seen_subcommand_from start stop status install uninstall help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from start" -l upstream -d 'The chat-only API root to forward to [default: the recorded one, else the provider\'s base_url]' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from start" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from start" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from start" -l foreground -d 'Run the relay in this process (for login services)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from start" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from start" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from start" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from stop" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from stop" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from stop" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from stop" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from status" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from status" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from status" -l json -d 'Machine-readable output (one JSON document on stdout)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from status" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from install" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from install" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from install" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from install" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from install" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from uninstall" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from uninstall" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from uninstall" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from uninstall" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from uninstall" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from uninstall" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start the relay for a provider (and point its base_url at it)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop the provider\'s relay'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from help" -f -a "status" -d 'running / stopped / stale, per provider (all recorded bridges without ID)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from help" -f -a "install" -d 'Write a login service (systemd user unit or launchd agent) that starts the relay'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from help" -f -a "uninstall" -d 'Remove that login service'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand bridge; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "add" -d 'Probe an endpoint, then add it as `[model_providers.ID]`'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "use" -d 'Make a provider (and model) the default, or write a profile file selecting it (alias: switch)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "list" -d 'List providers (custom and built-in) and profile files'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "current" -d 'Print the active provider id (and model with -v)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "show" -d 'Show every field of a provider with Codex\'s defaults and where each comes from'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "remove" -d 'Remove a provider'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "probe" -d 'Check that an endpoint works the way Codex needs (models, streaming Responses, tools)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "doctor" -d 'Diagnose the config, the environment and the endpoints; --fix repairs the safe problems'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "profile" -d 'Profile files (`NAME.config.toml`, used by `codex --profile NAME`)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "presets" -d 'The built-in provider presets'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "undo" -d 'Restore the files changed by the last codex-provider write'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "completions" -d 'Print a shell completion script'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "catalog" -d 'Write a Codex model catalog: the bundled models plus the endpoint\'s, with their context windows'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "key" -d 'Store or remove a provider\'s API key: in $CODEX_HOME/.env, or in the OS keychain'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "threads" -d 'Every thread Codex recorded, newest first, with the command that resumes it with its own provider'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "rename" -d 'Rename a provider and every `model_provider` that selects it'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "set" -d 'Set one field of a provider, typed as Codex reads it'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "unset" -d 'Remove one field of a provider (Codex then uses its default)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "export" -d 'Print providers as a file of `[model_providers.ID]` tables (no secrets), for `apply`'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "apply" -d 'Make config.toml\'s providers match a file (add or update in place, probe, optionally prune)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "import" -d 'Turn OPENAI_BASE_URL / OPENAI_API_BASE (+ OPENAI_API_KEY) into a probed provider'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "models" -d 'The endpoint\'s model ids, the configured one marked, and whether Codex knows each'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "bridge" -d 'Run codex-relay in front of a chat-only endpoint, so Codex can use it'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog key threads rename set unset export apply import models bridge help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List profile files and legacy `[profiles.*]` tables'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "show" -d 'Show a profile file and what it selects'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "remove" -d 'Delete a profile file (backed up; `undo` restores it)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "migrate" -d 'Turn legacy `[profiles.x]` tables and `profile = "x"` into x.config.toml files'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "set" -d 'Store the key (hidden prompt, or one line on stdin): in $CODEX_HOME/.env under the provider\'s env_key name, or with --keychain in the OS keychain'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "get" -d 'Print the provider\'s key from the OS keychain, for Codex (its `auth.command`)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "unset" -d 'Remove the key: from the OS keychain (restoring env_key) when the provider uses it, else the key line from $CODEX_HOME/.env'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and __fish_seen_subcommand_from bridge" -f -a "start" -d 'Start the relay for a provider (and point its base_url at it)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and __fish_seen_subcommand_from bridge" -f -a "stop" -d 'Stop the provider\'s relay'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and __fish_seen_subcommand_from bridge" -f -a "status" -d 'running / stopped / stale, per provider (all recorded bridges without ID)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and __fish_seen_subcommand_from bridge" -f -a "install" -d 'Write a login service (systemd user unit or launchd agent) that starts the relay'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and __fish_seen_subcommand_from bridge" -f -a "uninstall" -d 'Remove that login service'

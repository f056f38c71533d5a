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
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "use" -d 'Make a provider (and model) the default, or write a profile file selecting it'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "list" -d 'List providers (custom and built-in) and profile files'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "current" -d 'Print the active provider id (and model with -v)'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "show" -d 'Show every field of a provider with Codex\'s defaults and where each comes from'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "remove" -d 'Remove a provider'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "probe" -d 'Check that an endpoint works the way Codex needs (models, streaming Responses, tools)'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "doctor" -d 'Diagnose the config, the environment and the endpoints; --fix repairs the safe problems'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "profile" -d 'Profile files (`NAME.config.toml`, used by `codex --profile NAME`)'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "presets" -d 'The built-in provider presets'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "undo" -d 'Restore the files changed by the last codex-provider write'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "catalog" -d 'Write a Codex model catalog: the bundled models plus the endpoint\'s, with their context windows'
complete -c codex-provider -n "__fish_codex_provider_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l base-url -d 'API root, e.g. https://openrouter.ai/api/v1 (Codex POSTs to BASE_URL/responses)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l env-key -d 'Name of the environment variable holding the API key (never the key itself)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l name -d 'Display name [default: the preset\'s name, else the id]' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -s m -l model -d 'Model id to probe with (and to select with --use / --profile)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l preset -d 'Start from a built-in preset (see `codex-provider presets`)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l query -d 'Query parameter sent with every request (repeatable), e.g. api-version=2025-04-01-preview' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l header -d 'Static HTTP header (repeatable)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l env-header -d 'HTTP header whose value is read from an environment variable (repeatable)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l profile -d 'Also write NAME.config.toml selecting it (`codex --profile NAME`)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l timeout -d 'Probe request timeout in seconds' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l use -d 'Also make it the default provider in config.toml'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l no-probe -d 'Save without probing the endpoint'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l force -d 'Save even when the probe fails'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l replace -d 'Update an existing provider (only the fields given)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand add" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -s m -l model -d 'Model id to select with it' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -l profile -d 'Write NAME.config.toml instead (with ID), or make that profile the default (without ID)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand use" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand list" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand list" -l json -d 'Machine-readable output'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand list" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand list" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand list" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand list" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -l profile -d 'Layer NAME.config.toml over config.toml, as `codex --profile NAME` does' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -l json -d 'Machine-readable output'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand current" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand show" -l profile -d 'Layer NAME.config.toml over config.toml, as `codex --profile NAME` does' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand show" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand show" -l json -d 'Machine-readable output'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand show" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand show" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand show" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand show" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -l force -d 'Remove even when it is the default or a profile selects it'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand remove" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l base-url -d 'Probe this URL instead of a configured provider' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l env-key -d 'Variable holding the key (with --base-url)' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -s m -l model -d 'Model id to send [default: the configured model]' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l profile -d 'Layer NAME.config.toml over config.toml when resolving the provider and model' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l timeout -d 'Request timeout in seconds' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l json -d 'Machine-readable output'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l deep -d 'Also send Codex\'s non-function tools and try the WebSocket upgrade'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -l codex -d 'Run the installed Codex on a one-file edit task in a scratch folder (--timeout bounds it; default 120 s)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand probe" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l profile -d 'Layer NAME.config.toml over config.toml, as `codex --profile NAME` does' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l provider -d 'Probe this provider instead of the active one' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l timeout -d 'Request timeout in seconds for the network checks' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l all -d 'Probe every configured provider'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l offline -d 'Skip the network checks'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l json -d 'Machine-readable output (the shape of `codex doctor --json`)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l summary -d 'Print only the tally line'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l fix -d 'Apply the safe repairs (asks first on a terminal; --yes for scripts)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand doctor" -s v -l verbose -d 'Say more (where values come from, request details)'
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
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from list" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from show" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand profile; and __fish_seen_subcommand_from show" -l json -d 'Machine-readable output'
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
complete -c codex-provider -n "__fish_codex_provider_using_subcommand presets" -l json -d 'Machine-readable output'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand presets" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand presets" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand presets" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand presets" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand undo" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand undo" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand undo" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand undo" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand undo" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand undo" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand undo" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand completions" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand completions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand completions" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand completions" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand completions" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand completions" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -l timeout -d 'Request timeout in seconds' -r
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -l codex-home -d 'Codex home directory [default: $CODEX_HOME, else ~/.codex]' -r -F
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -l json -d 'Machine-readable output'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -l dry-run -d 'Print a diff of each file that would change; write nothing'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -s y -l yes -d 'Never prompt; take defaults and flags as given'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -s q -l quiet -d 'Print only errors and data'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -s v -l verbose -d 'Say more (where values come from, request details)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand catalog" -s h -l help -d 'Print help'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog help" -f -a "add" -d 'Probe an endpoint, then add it as `[model_providers.ID]`'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog help" -f -a "use" -d 'Make a provider (and model) the default, or write a profile file selecting it'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog help" -f -a "list" -d 'List providers (custom and built-in) and profile files'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog help" -f -a "current" -d 'Print the active provider id (and model with -v)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog help" -f -a "show" -d 'Show every field of a provider with Codex\'s defaults and where each comes from'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog help" -f -a "remove" -d 'Remove a provider'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog help" -f -a "probe" -d 'Check that an endpoint works the way Codex needs (models, streaming Responses, tools)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog help" -f -a "doctor" -d 'Diagnose the config, the environment and the endpoints; --fix repairs the safe problems'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog help" -f -a "profile" -d 'Profile files (`NAME.config.toml`, used by `codex --profile NAME`)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog help" -f -a "presets" -d 'The built-in provider presets'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog help" -f -a "undo" -d 'Restore the files changed by the last codex-provider write'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog help" -f -a "completions" -d 'Print a shell completion script'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog help" -f -a "catalog" -d 'Write a Codex model catalog: the bundled models plus the endpoint\'s, with their context windows'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and not __fish_seen_subcommand_from add use list current show remove probe doctor profile presets undo completions catalog help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List profile files and legacy `[profiles.*]` tables'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "show" -d 'Show a profile file and what it selects'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "remove" -d 'Delete a profile file (backed up; `undo` restores it)'
complete -c codex-provider -n "__fish_codex_provider_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "migrate" -d 'Turn legacy `[profiles.x]` tables and `profile = "x"` into x.config.toml files'

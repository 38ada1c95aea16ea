// SPDX-License-Identifier: MIT
using System.Text;
using System.Text.Json;

namespace ZkOs.Hosting;

/// <summary>
/// Reads zkos.json token by token with <see cref="Utf8JsonReader"/> rather than through the serializer,
/// so every error (an unknown property, a wrong type, a value out of range, a missing companion property)
/// can name the exact line and column and say what would be accepted. Comments are allowed, because a
/// configuration file is written by people; trailing commas are not.
/// </summary>
internal ref struct ConfigurationReader
{
    private static readonly string[] _rootProperties = ["executionEnvironments", "mode", "policy", "storage", "chain"];
    private static readonly string[] _entryProperties = ["type", "builtin", "plugin", "enabled"];
    private static readonly string[] _storageProperties = ["kind", "path"];
    private static readonly string[] _chainProperties = ["chainId", "fork"];
    // In the order of the enum each is cast to (RunMode, PolicyKind, StorageKind).
    private static readonly string[] _modeNames = ["forward", "proving"];
    private static readonly string[] _policyNames = ["zksync", "ethereum"];
    private static readonly string[] _storageKindNames = ["memory", "sqlite"];

    private readonly ReadOnlySpan<byte> _json;
    private readonly string _source;
    private readonly string _baseDirectory;
    private Utf8JsonReader _reader;

    public ConfigurationReader(ReadOnlySpan<byte> json, string source, string baseDirectory)
    {
        _json = json;
        _source = source;
        _baseDirectory = baseDirectory;
        _reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
    }

    public ZkOsConfiguration ReadConfiguration()
    {
        Next();
        if (_reader.TokenType != JsonTokenType.StartObject)
            throw Error($"the configuration must be a JSON object ({{ ... }}), not {Describe(_reader.TokenType)}.");

        var configuration = new ZkOsConfiguration { SourceName = _source };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty("the configuration", _rootProperties, seen) is { } name)
        {
            configuration = name switch
            {
                "executionEnvironments" => configuration with { ExecutionEnvironments = ReadEnvironments() },
                "mode" => configuration with { Mode = (RunMode)ReadKeyword(name, _modeNames) },
                "policy" => configuration with { Policy = (PolicyKind)ReadKeyword(name, _policyNames) },
                "storage" => configuration with { Storage = ReadStorage() },
                _ => configuration with { Chain = ReadChain() },
            };
        }

        // The root object is closed: anything after it (a second object, stray text) is an error.
        try
        {
            if (_reader.Read())
                throw Error("unexpected content after the configuration object.");
        }
        catch (JsonException e)
        {
            throw SyntaxError(e);
        }

        return configuration;
    }

    private IReadOnlyList<ExecutionEnvironmentEntry> ReadEnvironments()
    {
        Expect(JsonTokenType.StartArray, "\"executionEnvironments\"", "an array of { \"type\": ..., \"builtin\" or \"plugin\": ... } objects");
        var entries = new List<ExecutionEnvironmentEntry>();
        while (true)
        {
            Next();
            if (_reader.TokenType == JsonTokenType.EndArray)
                return entries;
            entries.Add(ReadEntry(entries.Count));
        }
    }

    private ExecutionEnvironmentEntry ReadEntry(int index)
    {
        var what = $"executionEnvironments[{index}]";
        Expect(JsonTokenType.StartObject, what, "an object such as { \"type\": 3, \"plugin\": \"plugins/MyVm.dll\" }");
        var location = CurrentLocation();

        byte? type = null;
        string? builtIn = null;
        string? plugin = null;
        var enabled = true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(what, _entryProperties, seen) is { } name)
        {
            switch (name)
            {
                case "type":
                    type = ReadTypeByte(what);
                    break;
                case "builtin":
                    builtIn = ReadNonEmptyString($"{what}.builtin", "the name of a built-in EE, such as \"evm\"");
                    break;
                case "plugin":
                    plugin = ReadNonEmptyString($"{what}.plugin", "the path of the plugin's .dll");
                    break;
                default:
                    enabled = ReadBoolean($"{what}.enabled");
                    break;
            }
        }

        if (type is null)
            throw Error(location, $"{what} has no \"type\": add the type byte (1..255) that accounts use for this EE.");
        if ((builtIn is null) == (plugin is null))
        {
            throw Error(location, builtIn is null
                ? $"{what} needs either \"builtin\" (a built-in EE's name) or \"plugin\" (a plugin's path)."
                : $"{what} has both \"builtin\" and \"plugin\": keep one.");
        }

        return new ExecutionEnvironmentEntry
        {
            Type = type.Value,
            BuiltIn = builtIn,
            Plugin = plugin is null ? null : Path.GetFullPath(plugin, _baseDirectory),
            PluginAsWritten = plugin,
            Enabled = enabled,
            Location = location,
        };
    }

    private byte ReadTypeByte(string what)
    {
        const string Range = "an integer from 1 to 255 (1 = EVM, 2 = EraVM, plugins from 3)";
        if (_reader.TokenType != JsonTokenType.Number)
            throw Error($"{what}.type must be {Range}, not {Describe(_reader.TokenType)}.");
        if (!_reader.TryGetInt64(out var value))
            throw Error($"{what}.type must be {Range}; {RawValue()} is not an integer.");
        if (value == 0)
            throw Error($"{what}.type 0 is reserved for \"no execution environment\" (externally owned accounts); use {Range}.");
        if (value is < 1 or > 255)
            throw Error($"{what}.type must be {Range}; {value} is out of range.");
        return (byte)value;
    }

    private StorageConfiguration ReadStorage()
    {
        Expect(JsonTokenType.StartObject, "\"storage\"", "an object such as { \"kind\": \"memory\" }");
        var location = CurrentLocation();
        var kind = StorageKind.Memory;
        string? path = null;
        SourceLocation pathLocation = default;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty("\"storage\"", _storageProperties, seen) is { } name)
        {
            if (name == "kind")
            {
                kind = (StorageKind)ReadKeyword("storage.kind", _storageKindNames);
            }
            else
            {
                pathLocation = CurrentLocation();
                path = ReadNonEmptyString("storage.path", "the database file's path");
            }
        }

        if (kind == StorageKind.Sqlite && path is null)
            throw Error(location, "storage.kind \"sqlite\" needs \"path\": the database file (relative paths resolve against this file's folder).");
        if (kind == StorageKind.Memory && path is not null)
            throw Error(pathLocation, "storage.path applies only to \"kind\": \"sqlite\"; remove it or set the kind.");
        return new StorageConfiguration { Kind = kind, Path = path is null ? null : Path.GetFullPath(path, _baseDirectory) };
    }

    private ChainConfiguration ReadChain()
    {
        Expect(JsonTokenType.StartObject, "\"chain\"", "an object such as { \"chainId\": 270, \"fork\": \"Cancun\" }");
        var chain = new ChainConfiguration();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty("\"chain\"", _chainProperties, seen) is { } name)
        {
            if (name == "chainId")
            {
                chain = chain with { ChainId = ReadChainId() };
            }
            else
            {
                var forks = ChainConfiguration.KnownForks;
                chain = chain with { Fork = forks[ReadKeyword("chain.fork", forks)] };
            }
        }

        return chain;
    }

    private ulong ReadChainId()
    {
        const string Expected = "chain.chainId must be a positive integer (EIP-155 chain ID, e.g. 270)";
        if (_reader.TokenType != JsonTokenType.Number)
            throw Error($"{Expected}, not {Describe(_reader.TokenType)}.");
        if (!_reader.TryGetUInt64(out var value) || value == 0)
            throw Error($"{Expected}; {RawValue()} is not.");
        return value;
    }

    /// <summary>Reads a string that must be one of <paramref name="allowed"/> (exactly) and returns its index.</summary>
    private int ReadKeyword(string what, IReadOnlyList<string> allowed)
    {
        var list = string.Join(", ", allowed.Select(static a => $"\"{a}\""));
        if (_reader.TokenType != JsonTokenType.String)
            throw Error($"{what} must be one of {list}, not {Describe(_reader.TokenType)}.");
        var value = _reader.GetString()!;
        for (var i = 0; i < allowed.Count; i++)
        {
            if (allowed[i] == value)
                return i;
        }

        throw Error($"{what} \"{value}\" is not one of {list}.{Suggestion(value, allowed)}");
    }

    private string ReadNonEmptyString(string what, string meaning)
    {
        if (_reader.TokenType != JsonTokenType.String)
            throw Error($"{what} must be a string ({meaning}), not {Describe(_reader.TokenType)}.");
        var value = _reader.GetString()!;
        if (string.IsNullOrWhiteSpace(value))
            throw Error($"{what} must not be empty: give {meaning}.");
        return value;
    }

    private bool ReadBoolean(string what) => _reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Error($"{what} must be true or false, not {Describe(_reader.TokenType)}."),
    };

    /// <summary>
    /// Moves to the next property of the current object and then onto its value; null at the end of the
    /// object. Unknown and repeated properties are errors (the second of two would silently win).
    /// </summary>
    private string? NextProperty(string owner, IReadOnlyList<string> allowed, HashSet<string> seen)
    {
        Next();
        if (_reader.TokenType == JsonTokenType.EndObject)
            return null;

        var name = _reader.GetString()!;
        if (!allowed.Contains(name))
        {
            var list = string.Join(", ", allowed.Select(static a => $"\"{a}\""));
            throw Error($"unknown property \"{name}\" in {owner}; the properties allowed there are {list}.{Suggestion(name, allowed)}");
        }

        if (!seen.Add(name))
            throw Error($"\"{name}\" appears twice in {owner}; keep one.");
        Next();
        return name;
    }

    private void Expect(JsonTokenType expected, string what, string shape)
    {
        if (_reader.TokenType != expected)
            throw Error($"{what} must be {shape}, not {Describe(_reader.TokenType)}.");
    }

    private void Next()
    {
        bool more;
        try
        {
            more = _reader.Read();
        }
        catch (JsonException e)
        {
            throw SyntaxError(e);
        }

        if (!more)
            throw Error(Locate(_json.Length), "the file ends before the configuration is complete.");
    }

    private string RawValue() => Encoding.UTF8.GetString(_reader.ValueSpan);

    private SourceLocation CurrentLocation() => Locate((int)_reader.TokenStartIndex);

    /// <summary>Turns a byte offset into a 1-based line and a 1-based column counted in characters.</summary>
    private SourceLocation Locate(int offset)
    {
        var before = _json[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        return new SourceLocation(_source, line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    private ConfigurationException Error(string problem) => Error(CurrentLocation(), problem);

    private ConfigurationException Error(SourceLocation at, string problem) =>
        new(_source, at.Line, at.Column, problem);

    private ConfigurationException SyntaxError(JsonException e)
    {
        // The reader's message ends with its own 0-based "LineNumber: n | BytePositionInLine: m."; we
        // report the position 1-based in the prefix instead.
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
            message = message[..cut];
        // Advice meant for the programmer who set up the reader, not for the file's author.
        message = message.Replace(" Change the reader options.", "", StringComparison.Ordinal);
        var line = (int)(e.LineNumber ?? 0);
        var column = (int)(e.BytePositionInLine ?? 0);
        return new ConfigurationException(_source, line + 1, CharacterColumn(line, column), $"invalid JSON: {message}", e);
    }

    private int CharacterColumn(int zeroBasedLine, int bytePosition)
    {
        var rest = _json;
        for (var i = 0; i < zeroBasedLine && rest.IndexOf((byte)'\n') is var newline and >= 0; i++)
            rest = rest[(newline + 1)..];
        return Encoding.UTF8.GetCharCount(rest[..Math.Min(bytePosition, rest.Length)]) + 1;
    }

    private static string Suggestion(string value, IReadOnlyList<string> allowed)
    {
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
                return $" Did you mean \"{candidate}\"? (Names are case-sensitive.)";
        }

        return "";
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };
}

// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance;

/// <summary>
/// Strict readers for the JSON of conformance files. Each takes the path of the value it reads and
/// throws <see cref="ConformanceFieldException"/> naming that path and what was found, so a bad file is
/// diagnosed from the message alone. Strict means: quantities and byte strings are "0x"-prefixed hex,
/// fixed-size values have exactly their size, and nothing is silently truncated or defaulted.
/// </summary>
internal static class ConformanceJson
{
    /// <summary>
    /// JSON as the files are written: no comments, no trailing commas, and no property given twice
    /// (System.Text.Json would otherwise keep the last silently and the file would mean two things).
    /// </summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        AllowDuplicateProperties = false,
    };

    /// <summary>The path of a property of the object at <paramref name="path"/>.</summary>
    public static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>The path of an element of the array at <paramref name="path"/>.</summary>
    public static string Item(string path, int index) => $"{path}[{index}]";

    public static JsonElement AsObject(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Expected(path, "an object", element);
        }
        return element;
    }

    public static JsonElement AsArray(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Expected(path, "an array", element);
        }
        return element;
    }

    /// <summary>A property that must be present (JSON null counts as present: the reader of it decides).</summary>
    public static JsonElement Required(JsonElement obj, string name, string path)
    {
        if (!AsObject(obj, path).TryGetProperty(name, out var value))
        {
            throw new ConformanceFieldException(Child(path, name), "is missing");
        }
        return value;
    }

    /// <summary>A property that may be absent; JSON null is read as absent, as the RPC envelopes write it.</summary>
    public static bool Optional(JsonElement obj, string name, string path, out JsonElement value)
    {
        if (AsObject(obj, path).TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }
        value = default;
        return false;
    }

    public static string AsString(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw Expected(path, "a string", element);
        }
        return element.GetString()!;
    }

    /// <summary>A non-negative JSON integer that fits an int, as post indexes are.</summary>
    public static int AsIndex(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out int value) || value < 0)
        {
            throw Expected(path, "a non-negative integer", element);
        }
        return value;
    }

    /// <summary>A quantity: "0x" and 1 to 64 hex digits (leading zeros beyond 64 digits are tolerated).</summary>
    public static UInt256 AsQuantity(JsonElement element, string path)
    {
        var text = AsString(element, path);
        if (!TryParseQuantity(text, out var value))
        {
            throw Expected(path, "a hex quantity (\"0x\" and 1 to 64 hex digits)", element);
        }
        return value;
    }

    /// <summary>A quantity that must fit 64 bits (nonces, gas, block numbers, timestamps).</summary>
    public static ulong AsU64(JsonElement element, string path)
    {
        var value = AsQuantity(element, path);
        if (value.U1 != 0 || value.U2 != 0 || value.U3 != 0)
        {
            throw Expected(path, "a hex quantity of at most 64 bits", element);
        }
        return value.U0;
    }

    /// <summary>A 64-bit value written either as a JSON number (as geth's tracers write nonces) or as a hex quantity.</summary>
    public static ulong AsNumberOrU64(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            if (!element.TryGetUInt64(out ulong value))
            {
                throw Expected(path, "a non-negative integer of at most 64 bits", element);
            }
            return value;
        }
        return AsU64(element, path);
    }

    public static Address AsAddress(JsonElement element, string path)
    {
        var text = AsString(element, path);
        if (!HasPrefix(text) || !Address.TryParse(text, out var address))
        {
            throw Expected(path, "an address (\"0x\" and 40 hex digits)", element);
        }
        return address;
    }

    public static Bytes32 AsBytes32(JsonElement element, string path)
    {
        var text = AsString(element, path);
        if (!HasPrefix(text) || !Bytes32.TryParse(text, out var value))
        {
            throw Expected(path, "a 32-byte value (\"0x\" and 64 hex digits)", element);
        }
        return value;
    }

    /// <summary>A byte string: "0x" and an even number of hex digits ("0x" alone is empty).</summary>
    public static byte[] AsBytes(JsonElement element, string path)
    {
        var text = AsString(element, path);
        if (!TryParseBytes(text, out var bytes))
        {
            throw Expected(path, "hex bytes (\"0x\" and an even number of hex digits)", element);
        }
        return bytes;
    }

    /// <summary>An object key that must be an address (the keys of <c>pre</c> and of tracer results).</summary>
    public static Address AddressKey(string key, string path)
    {
        if (!HasPrefix(key) || !Address.TryParse(key, out var address))
        {
            throw new ConformanceFieldException(path, $"expected an address (\"0x\" and 40 hex digits) as the key, found \"{Shorten(key, 80)}\"");
        }
        return address;
    }

    /// <summary>An object key that must be a quantity (storage slots).</summary>
    public static UInt256 QuantityKey(string key, string path)
    {
        if (!TryParseQuantity(key, out var value))
        {
            throw new ConformanceFieldException(path, $"expected a hex quantity (\"0x\" and 1 to 64 hex digits) as the key, found \"{Shorten(key, 80)}\"");
        }
        return value;
    }

    /// <summary>
    /// A storage object, slot → value, both quantities. A slot written twice ("0x1" and "0x01") is an
    /// error: which of the two values holds would be a guess.
    /// </summary>
    public static Dictionary<UInt256, UInt256> AsStorage(JsonElement element, string path)
    {
        var storage = new Dictionary<UInt256, UInt256>();
        foreach (var slot in AsObject(element, path).EnumerateObject())
        {
            var slotPath = Child(path, slot.Name);
            if (!storage.TryAdd(QuantityKey(slot.Name, slotPath), AsQuantity(slot.Value, slotPath)))
            {
                throw new ConformanceFieldException(slotPath, "the slot is given twice");
            }
        }
        return storage;
    }

    /// <summary>Parses "0x" and 1..64 significant hex digits; false for anything else.</summary>
    public static bool TryParseQuantity(string text, out UInt256 value)
    {
        value = default;
        if (!HasPrefix(text) || text.Length == 2)
        {
            return false;
        }
        // UInt256 takes at most 64 digits; zeros in front of them do not change the value.
        int start = 2;
        while (text.Length - start > 64 && text[start] == '0')
        {
            start++;
        }
        return UInt256.TryParse(string.Concat("0x", text.AsSpan(start)), out value);
    }

    public static bool TryParseBytes(string text, out byte[] bytes)
    {
        bytes = [];
        if (!HasPrefix(text) || (text.Length & 1) != 0)
        {
            return false;
        }
        if (text.Length == 2)
        {
            return true;
        }
        var buffer = new byte[(text.Length - 2) / 2];
        if (!Hex.TryDecode(text, buffer, out int written) || written != buffer.Length)
        {
            return false;
        }
        bytes = buffer;
        return true;
    }

    /// <summary>The fixtures always write a lowercase "0x"; text without it is a different, unintended encoding.</summary>
    private static bool HasPrefix(string text) => text.StartsWith("0x", StringComparison.Ordinal);

    public static ConformanceFieldException Expected(string path, string what, JsonElement found) =>
        new(path, $"expected {what}, found {Describe(found)}");

    /// <summary>The found value as a reader recognises it in the file, shortened so a huge code blob stays one line.</summary>
    public static string Describe(JsonElement element)
    {
        const int maxChars = 80;
        return element.ValueKind switch
        {
            JsonValueKind.String => Quote(element.GetString()!, maxChars),
            JsonValueKind.Number => $"the number {Shorten(element.GetRawText(), maxChars)}",
            JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
            JsonValueKind.Null => "null",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => "nothing",
        };
    }

    private static string Quote(string text, int maxChars) => $"\"{Shorten(text, maxChars)}\"";

    private static string Shorten(string text, int maxChars) =>
        text.Length <= maxChars ? text : $"{text[..maxChars]}… ({text.Length} characters)";
}

// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>A file of a mainnet-block folder that does not hold what it must; the message names the file and the field.</summary>
public sealed class MainnetBlockFormatException : Exception
{
    public MainnetBlockFormatException(string file, string? field, string detail, Exception? inner = null)
        : base(field is null ? $"{file}: {detail}" : $"{file}: {field}: {detail}", inner)
    {
        File = file;
        Field = field;
        Detail = detail;
    }

    /// <summary>The file's name in the folder (e.g. "receipts.json").</summary>
    public string File { get; }

    /// <summary>The path of the field inside the JSON-RPC envelope (e.g. <c>result.transactions[3].gas</c>).</summary>
    public string? Field { get; }

    public string Detail { get; }
}

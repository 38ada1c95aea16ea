// SPDX-License-Identifier: MIT
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>
/// Writes an EIP-3155 trace as JSON lines, fields in the order the EIP lists them so traces diff cleanly
/// against geth's, revm's or evmone's: per step <c>pc, op, gas, gasCost, memSize, stack, depth,
/// returnData, refund</c> then the optional <c>opName, error</c>; the summary <c>stateRoot, output,
/// gasUsed, pass</c> then the optional <c>time</c> (nanoseconds) and <c>fork</c>. Hex-Numbers are
/// lowercase without leading zeros ("0x0" for zero), Hex-Strings "0x"-prefixed ("0x" when empty).
/// </summary>
public sealed class Eip3155JsonTracer : IStateTestTracer
{
    private static readonly JsonWriterOptions _options = new()
    {
        // Error messages and names stay readable ('+', '<', quotes in revert reasons) yet valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly TextWriter _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;

    public Eip3155JsonTracer(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _json = new Utf8JsonWriter(_buffer, _options);
    }

    public void Step(ulong pc, byte op, ulong gas, ulong gasCost, ulong memSize, ReadOnlySpan<UInt256> stack,
        int depth, ReadOnlySpan<byte> returnData, ulong refund, string? opName, string? error)
    {
        _json.WriteStartObject();
        _json.WriteNumber("pc", pc);
        _json.WriteNumber("op", op);
        _json.WriteString("gas", HexNumber(gas));
        _json.WriteString("gasCost", HexNumber(gasCost));
        _json.WriteNumber("memSize", memSize);
        _json.WriteStartArray("stack");
        foreach (var item in stack)
        {
            _json.WriteStringValue(item.ToHexString());
        }
        _json.WriteEndArray();
        _json.WriteNumber("depth", depth);
        _json.WriteString("returnData", Hex.Encode(returnData));
        _json.WriteString("refund", HexNumber(refund));
        if (opName is not null)
        {
            _json.WriteString("opName", opName);
        }
        if (error is not null)
        {
            _json.WriteString("error", error);
        }
        _json.WriteEndObject();
        EmitLine();
    }

    public void Summary(Bytes32 stateRoot, ReadOnlySpan<byte> output, ulong gasUsed, bool pass, string? fork, TimeSpan? time)
    {
        _json.WriteStartObject();
        _json.WriteString("stateRoot", stateRoot.ToString());
        _json.WriteString("output", Hex.Encode(output));
        _json.WriteString("gasUsed", HexNumber(gasUsed));
        _json.WriteBoolean("pass", pass);
        if (time is { } elapsed)
        {
            // TimeSpan counts 100 ns ticks; the EIP wants nanoseconds.
            _json.WriteNumber("time", elapsed.Ticks * 100);
        }
        if (fork is not null)
        {
            _json.WriteString("fork", fork);
        }
        _json.WriteEndObject();
        EmitLine();
        // The summary ends a transaction's trace: whoever reads the stream sees it whole.
        _output.Flush();
    }

    private static string HexNumber(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    private void EmitLine()
    {
        _json.Flush();
        _output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _output.Write('\n');
        _buffer.ResetWrittenCount();
        _json.Reset();
    }
}

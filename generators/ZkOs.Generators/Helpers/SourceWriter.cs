// SPDX-License-Identifier: MIT
using System.Text;

namespace ZkOs.Generators.Helpers;

/// <summary>
/// Builds generated C# line by line with four-space indentation, so the emitter reads like the code it
/// writes. Lines always end in <c>\n</c>: the output must be identical on every OS for the snapshots.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    private readonly StringBuilder _builder = new();
    private int _indent;

    public void WriteLine()
    {
        _builder.Append('\n');
    }

    public void WriteLine(string line)
    {
        AppendIndent(_indent);
        _builder.Append(line).Append('\n');
    }

    /// <summary>Writes a goto label one level left of the statements around it, as people usually do.</summary>
    public void WriteLabel(string label)
    {
        AppendIndent(_indent > 0 ? _indent - 1 : 0);
        _builder.Append(label).Append(":\n");
    }

    public void OpenBlock()
    {
        WriteLine("{");
        _indent++;
    }

    public void CloseBlock()
    {
        _indent--;
        WriteLine("}");
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    public override string ToString() => _builder.ToString();

    private void AppendIndent(int level)
    {
        for (var i = 0; i < level; i++)
        {
            _builder.Append(IndentUnit);
        }
    }
}

// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Encoding;

/// <summary>The text section of an assembled listing and the symbol table it was resolved with.</summary>
public sealed record ZasmProgram(IReadOnlyList<ulong> Instructions, IReadOnlyList<string> Lines, IReadOnlyDictionary<string, int> Symbols);

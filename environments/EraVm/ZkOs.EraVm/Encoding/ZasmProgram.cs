// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Encoding;

/// <summary>
/// An assembled listing: its instruction words, their source lines, the symbol table they were resolved
/// with, and the runnable bytecode (text section, constant pool, padding to an odd number of words);
/// <c>ContentLength</c> is the bytes of text and pool, without that padding.
/// </summary>
public sealed record ZasmProgram(IReadOnlyList<ulong> Instructions, IReadOnlyList<string> Lines, IReadOnlyDictionary<string, int> Symbols, byte[] Bytecode, int ContentLength);

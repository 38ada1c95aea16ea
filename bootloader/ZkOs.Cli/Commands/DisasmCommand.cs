// SPDX-License-Identifier: MIT
using System.CommandLine;
using ZkOs.EraVm.Encoding;

namespace ZkOs.Cli.Commands;

/// <summary><c>zkos disasm &lt;file.zbin&gt;</c>: prints an EraVM bytecode's instructions, one per line.</summary>
internal static class DisasmCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "EraVM bytecode (.zbin, raw bytes)." };
        var command = new Command("disasm", "Disassemble EraVM bytecode: pc, raw 64-bit word, instruction in the LLVM syntax.") { file };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var bytes = File.ReadAllBytes(parse.GetValue(file)!.FullName);
            foreach (var line in Disassembler.Listing(bytes))
            {
                Console.WriteLine(line);
            }
            return 0;
        }));
        return command;
    }
}

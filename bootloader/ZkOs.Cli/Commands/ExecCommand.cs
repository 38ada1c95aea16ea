// SPDX-License-Identifier: MIT
using System.CommandLine;
using ZkOs.Bootloader.Sandbox;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Cli.Commands;

/// <summary>
/// <c>zkos exec --ee &lt;type&gt; --code &lt;hex|file&gt; [--calldata] [--ergs] [--native]</c>: runs one
/// frame of any configured execution environment in an isolated world and prints its status, the
/// resources it used and its return data.
/// </summary>
internal static class ExecCommand
{
    /// <summary>Ten million gas: enough for any sample, small enough that a runaway loop ends quickly.</summary>
    private const ulong DefaultErgs = 10_000_000UL * Resources.ErgsPerGas;
    private const ulong DefaultNative = 1UL << 36;

    public static Command Create()
    {
        var ee = new Option<int>("--ee") { Description = "The EE type byte (see `zkos ees`).", Required = true };
        var code = new Option<string>("--code") { Description = "Bytecode: hex, or a file (.bin raw, else hex text with # comments).", Required = true };
        var calldata = new Option<string?>("--calldata") { Description = "Input for the frame: hex or a file." };
        var ergs = new Option<ulong>("--ergs") { Description = "Ergs given to the frame (256 per EVM gas).", DefaultValueFactory = _ => DefaultErgs };
        var native = new Option<ulong>("--native") { Description = "Native resource given to the frame.", DefaultValueFactory = _ => DefaultNative };
        var config = CommonOptions.Config();

        var command = new Command("exec", "Run one frame of an execution environment in an isolated, empty world.")
        {
            ee, code, calldata, ergs, native, config,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var environments = ConfiguredEnvironments.Load(parse.GetValue(config));
            var type = parse.GetValue(ee);
            if (type is < 1 or > 255)
            {
                throw new CliInputException($"--ee: {type} is not an EE type byte (1..255).");
            }
            var environment = environments.Find((byte)type)
                ?? throw new CliInputException($"--ee: no execution environment with type {type} is configured; `zkos ees` lists them.");
            var bytecode = CodeInput.Read(parse.GetValue(code)!, "--code");
            var input = parse.GetValue(calldata) is { } c ? CodeInput.Read(c, "--calldata") : [];
            var result = SandboxExecutor.Run(environment, bytecode, input, new Resources(parse.GetValue(ergs), parse.GetValue(native)));
            Print(environment, result);
            return result.Completion.Status == FrameStatus.Returned ? 0 : 1;
        }));
        return command;
    }

    private static void Print(IExecutionEnvironment environment, SandboxResult result)
    {
        var completion = result.Completion;
        var status = completion.Status switch
        {
            FrameStatus.Returned => "returned",
            FrameStatus.Reverted => "reverted",
            _ => $"failed ({completion.Error})",
        };
        Console.WriteLine($"ee:          {environment.Type} {environment.Name} {environment.Version}");
        Console.WriteLine($"status:      {status}");
        Console.WriteLine($"ergs used:   {result.ErgsUsed} of {result.Launched.Ergs}");
        Console.WriteLine($"native used: {result.NativeUsed} of {result.Launched.Native}");
        Console.WriteLine($"return data: {Hex.Encode(result.ReturnData)}");
        PrintCapped(result.Calls, call =>
            $"call:        {call.Callee} ({call.Modifier}) calldata {Hex.Encode(call.Calldata)}, {call.ErgsPassed} of {call.ErgsRequested} ergs passed; the callee has no code: success, empty return data");
        if (result.DeploymentsRefused > 0)
        {
            Console.WriteLine($"deployments: {result.DeploymentsRefused} refused (the isolated world runs no constructors)");
        }
        // The final value of each slot written, in the order slots were first written: a loop that
        // rewrites one slot a million times prints one line.
        var finalValues = new Dictionary<(Address, UInt256, bool), UInt256>();
        foreach (var write in result.StorageWrites)
        {
            finalValues[(write.Address, write.Key, write.Transient)] = write.Value;
        }
        PrintCapped(finalValues, w => $"{(w.Key.Item3 ? "tstore:      " : "sstore:      ")}{w.Key.Item1} [{w.Key.Item2.ToHexString()}] = {w.Value.ToHexString()}");
        PrintCapped(result.Events, e => $"event:       {e.Address} topics [{string.Join(", ", e.Topics.Select(t => t.ToHexString()))}] data {Hex.Encode(e.Data)}");
    }

    private const int MaxListed = 20;

    private static void PrintCapped<T>(IReadOnlyCollection<T> items, Func<T, string> format)
    {
        foreach (var item in items.Take(MaxListed))
        {
            Console.WriteLine(format(item));
        }
        if (items.Count > MaxListed)
        {
            Console.WriteLine($"             ... and {items.Count - MaxListed} more");
        }
    }
}

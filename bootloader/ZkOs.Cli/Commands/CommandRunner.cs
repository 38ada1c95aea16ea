// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync;
using ZkOs.Bootloader.ZkSync.Blocks;
using ZkOs.System.ZkSync.Storage;

namespace ZkOs.Cli.Commands;

/// <summary>
/// Runs a command's body and turns expected failures (bad input, a bad configuration or plugin) into
/// one line on stderr and exit code 2; the host never shows a stack trace for a user's mistake.
/// </summary>
internal static class CommandRunner
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine($"zkos: {e.Message}");
            return 2;
        }
        catch (ZkSyncBlockException e)
        {
            // The block cannot be built (an internal error of the STF); the input was well-formed.
            Console.Error.WriteLine($"zkos: the block failed: {e.Message}");
            return 1;
        }
    }

    private static bool IsUserError(Exception e) =>
        e is CliInputException or ZkSyncBlockFileException or StateStoreException || ConfiguredEnvironments.IsConfigurationError(e);
}

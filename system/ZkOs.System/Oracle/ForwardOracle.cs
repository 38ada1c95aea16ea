// SPDX-License-Identifier: MIT
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.Oracle;

/// <summary>
/// The sequencer's oracle (reference §6.4): answers every query from in-process sources (block metadata,
/// a transaction source, the state tree and its preimages) and serialises the answer in the word
/// layout a proving run will read from its tape.
/// </summary>
public sealed class ForwardOracle(BlockMetadata metadata, ITransactionSource transactions, IOracleStateReader state) : IOracle
{
    private byte[]? _pendingTransaction;
    private bool _disconnected;

    public void Query(uint queryId, ReadOnlySpan<uint> parameters, List<uint> response)
    {
        if (_disconnected)
        {
            throw new OracleException(queryId, "the oracle was disconnected");
        }
        switch (queryId)
        {
            case OracleQuery.NextTxSize:
                Expect(queryId, parameters, 0);
                _pendingTransaction = transactions.NextTransaction();
                OracleWords.WriteU64(response, (ulong)(_pendingTransaction?.Length ?? 0));
                break;
            case OracleQuery.NewTxContent:
                Expect(queryId, parameters, 0);
                OracleWords.WriteBytes(response, _pendingTransaction ?? throw new OracleException(queryId, "no transaction was announced"));
                _pendingTransaction = null;
                break;
            case OracleQuery.BlockLevelMetadata:
                Expect(queryId, parameters, 0);
                metadata.WriteTo(response);
                break;
            case OracleQuery.InitialStorageSlotData:
            {
                Expect(queryId, parameters, OracleWords.AddressWords + OracleWords.Bytes32Words);
                var offset = 0;
                var address = OracleWords.ReadAddress(parameters, ref offset, queryId);
                var key = OracleWords.ReadBytes32(parameters, ref offset);
                var isNew = !state.TryReadSlot(FlatKey.Compute(address, key), out var value);
                OracleWords.WriteBool(response, isNew);
                OracleWords.WriteBytes32(response, value);
                break;
            }
            case OracleQuery.PreimageContentWords:
            {
                Expect(queryId, parameters, OracleWords.Bytes32Words);
                var offset = 0;
                var hash = OracleWords.ReadBytes32(parameters, ref offset);
                // An unknown preimage is an empty answer, not a refusal: the query and its answer are
                // then on the witness like any other, and the client reports the missing preimage.
                var preimage = state.GetPreimage(hash);
                if (preimage is not null)
                {
                    OracleWords.WriteBytes(response, preimage);
                }
                break;
            }
            case OracleQuery.ProofForIndex:
            {
                Expect(queryId, parameters, OracleWords.U64Words);
                var offset = 0;
                state.WriteProof(OracleWords.ReadU64(parameters, ref offset), response);
                break;
            }
            case OracleQuery.PrevIndex:
            case OracleQuery.ExactIndex:
            {
                Expect(queryId, parameters, OracleWords.Bytes32Words);
                var offset = 0;
                var key = OracleWords.ReadBytes32(parameters, ref offset);
                ulong index;
                if (queryId == OracleQuery.PrevIndex)
                {
                    index = state.PrevTreeIndex(key);
                }
                else if (!state.TryGetTreeIndex(key, out index))
                {
                    throw new OracleException(queryId, $"the tree has no key {key}");
                }
                OracleWords.WriteU64(response, index);
                break;
            }
            case OracleQuery.InitializeIoImplementer:
                Expect(queryId, parameters, 0);
                IoImplementerState.Fresh(state.Commitment).WriteTo(response);
                break;
            case OracleQuery.DisconnectOracle:
                Expect(queryId, parameters, 0);
                _disconnected = true;
                break;
            default:
                throw new OracleException(queryId, "a forward oracle does not answer it");
        }
    }

    private static void Expect(uint queryId, ReadOnlySpan<uint> parameters, int words)
    {
        if (parameters.Length != words)
        {
            throw new OracleException(queryId, $"{parameters.Length} parameter words where {words} were expected");
        }
    }
}

// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace ZkOs.System.Oracle.Csr;

/// <summary>
/// The host side of the CSR protocol, as the RISC-V simulator runs it: it collects the words the guest
/// writes (query id, parameter count, parameters), asks an <see cref="IOracle"/> once the query is
/// complete, and serves the answer's length and words to the guest's reads. Once the disconnect
/// query has been answered, every further read returns zero (reference §6.3).
/// </summary>
public sealed class OracleHostPort(IOracle oracle) : ICsrPort
{
    private readonly List<uint> _request = [];
    private readonly List<uint> _answer = [];

    // Words of the current answer served so far, its length word included; -1 while a query is being written.
    private int _served = -1;
    private bool _disconnected;

    public void Write(uint word)
    {
        if (_served >= 0)
        {
            if (_served <= _answer.Count && !_disconnected)
            {
                throw new InvalidOperationException(
                    $"the guest wrote a new query after reading {_served} of the {_answer.Count + 1} words of its answer");
            }
            _served = -1;
            _request.Clear();
        }
        _request.Add(word);
    }

    public uint Read()
    {
        if (_served < 0)
        {
            Answer();
        }
        if (_served > _answer.Count)
        {
            return _disconnected
                ? 0u
                : throw new InvalidOperationException($"the guest read past the {_answer.Count}-word answer");
        }
        var word = _served == 0 ? (uint)_answer.Count : _answer[_served - 1];
        _served++;
        return word;
    }

    private void Answer()
    {
        if (_request.Count < 2 || _request[1] != _request.Count - 2)
        {
            throw new InvalidOperationException($"the guest read before writing a whole query ({_request.Count} words written)");
        }
        _answer.Clear();
        oracle.Query(_request[0], CollectionsMarshal.AsSpan(_request)[2..], _answer);
        _disconnected |= _request[0] == OracleQuery.DisconnectOracle;
        _served = 0;
    }
}

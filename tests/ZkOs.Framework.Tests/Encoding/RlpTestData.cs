// SPDX-License-Identifier: MIT
using ZkOs.Framework.Encoding.Rlp;

namespace ZkOs.Framework.Tests.Encoding;

/// <summary>A generic RLP tree (byte[] leaves, object[] lists) with a decoder and encoder built on the public API.</summary>
internal static class RlpTestData
{
    public static byte[] Latin1(string text) => System.Text.Encoding.Latin1.GetBytes(text);

    /// <summary>Decodes one top-level item (which must be all of <paramref name="input"/>) into a tree.</summary>
    public static object Decode(byte[] input)
    {
        var reader = new RlpReader(input);
        var item = ReadItem(ref reader);
        reader.RequireEnd();
        return item;
    }

    public static byte[] Encode(object item)
    {
        if (item is byte[] bytes)
            return Rlp.EncodeBytes(bytes);
        var children = ((object[])item).Select(Encode).ToArray();
        return Rlp.EncodeList(children);
    }

    private static object ReadItem(ref RlpReader reader)
    {
        if (reader.PeekKind() == RlpKind.String)
            return reader.ReadBytes().ToArray();
        var list = reader.EnterList();
        var items = new List<object>();
        while (!list.IsEnd)
            items.Add(ReadItem(ref list));
        return items.ToArray();
    }
}

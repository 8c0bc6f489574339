using ArabicSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArabicSearch.Querying;

/// <summary>The <see cref="SearchRequest.Sources"/> and <see cref="SearchRequest.Categories"/> filters as one Lucene query.</summary>
internal static class SourceCategoryFilter
{
    public static Query? Build(SearchRequest request)
    {
        var all = new BooleanQuery();
        if (request.Sources.Count > 0)
        {
            var any = new BooleanQuery();
            foreach (var s in request.Sources)
            {
                if (string.IsNullOrWhiteSpace(s)) throw new InvalidQueryException("A source name is empty.");
                any.Add(new TermQuery(new Term(FieldNames.SourceKey, DocumentMapper.SourceKeyOf(s))), Occur.SHOULD);
                any.Add(new TermQuery(new Term(FieldNames.Source, s)), Occur.SHOULD); // indexes written before source_key existed
            }
            all.Add(any, Occur.MUST);
        }
        if (request.Categories.Count > 0)
        {
            var any = new BooleanQuery();
            foreach (var c in request.Categories)
            {
                if (string.IsNullOrWhiteSpace(c)) throw new InvalidQueryException("A category name is empty.");
                any.Add(new TermQuery(new Term(FieldNames.Category, c)), Occur.SHOULD);
            }
            all.Add(any, Occur.MUST);
        }
        return all.Clauses.Count == 0 ? null : all;
    }
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using EmbeddedFinance.Core.Api;

namespace EmbeddedFinance.Core.Events;

[Description("An event type of the catalog (`GET /v1/event_types`): its name, what it means, and the JSON Schema of its `data.object`.")]
[Example("""
{
  "name": "account.created",
  "description": "A connected account was created.",
  "schema": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": { "id": { "type": "string", "pattern": "^acct_" } }
  }
}
""")]
public sealed record EventTypeView(
    [Description("The event type, as in an event's `type` and an endpoint's `enabled_events`."), Example("payment.succeeded")]
    string Name,
    [Description("What happened when an event of this type is sent.")]
    string Description,
    [Description("The JSON Schema (draft 2020-12) of `data.object` in the newest API version, generated from the types the API serializes. A `thin` endpoint's events carry only its `id` and `object`.")]
    JsonObject Schema);

/**
 * Word lists for the synthetic monolith generator (generate-monolith.ts): business domains and
 * the entities each one owns, domain qualifiers for large systems, column names, status values,
 * and the verbs behind extra services, jobs, events and shared-kernel utilities.
 *
 * Entity names are camelCase and unique across all domains; the generator still checks every
 * derived identifier (class, DTO, constant) for collisions and renames on a clash.
 */

/** Business domains (kebab-case) -> entities they own (camelCase), most central first. */
export const DOMAIN_ENTITIES: Readonly<Record<string, readonly string[]>> = {
  billing: ['invoice', 'invoiceLine', 'creditNote', 'billingAccount', 'taxLine', 'billingCycle', 'dunningNotice', 'paymentTerm', 'billingContact'],
  invoicing: ['invoiceTemplate', 'invoiceRun', 'numberSequence', 'remittance', 'accountStatement', 'proformaInvoice', 'invoiceDispute', 'invoiceReminder'],
  catalog: ['product', 'productVariant', 'category', 'brand', 'productAttribute', 'productImage', 'productCollection', 'catalogListing', 'productBundle'],
  inventory: ['stockItem', 'stockLevel', 'stockMovement', 'stockReservation', 'inventoryCount', 'replenishmentRule', 'batchLot', 'stockAdjustment'],
  shipping: ['shipment', 'parcel', 'carrier', 'shippingRate', 'trackingEvent', 'deliveryWindow', 'shippingLabel', 'shippingManifest', 'shippingZone'],
  customers: ['customer', 'customerAddress', 'contactPreference', 'customerSegment', 'customerNote', 'household', 'customerTag', 'customerConsent'],
  loyalty: ['loyaltyMember', 'pointsLedger', 'loyaltyReward', 'loyaltyTier', 'pointsRedemption', 'loyaltyCampaign', 'referral', 'pointsExpiry'],
  reviews: ['review', 'reviewVote', 'productRating', 'reviewReport', 'reviewReply', 'moderationDecision', 'reviewPhoto'],
  search: ['searchIndex', 'searchQuery', 'synonym', 'searchFacet', 'searchBoost', 'searchSuggestion', 'indexingTask', 'stopWord'],
  notifications: ['notification', 'notificationTemplate', 'deliveryAttempt', 'channelPreference', 'notificationDigest', 'pushToken', 'emailMessage', 'smsMessage'],
  payments: ['payment', 'paymentMethod', 'paymentIntent', 'paymentCapture', 'refund', 'chargeback', 'payout', 'paymentProvider', 'settlement'],
  fraud: ['fraudCheck', 'riskScore', 'fraudRule', 'blocklistEntry', 'deviceFingerprint', 'fraudCase', 'velocityLimit', 'fraudAlert'],
  pricing: ['priceList', 'priceRule', 'productPrice', 'currencyRate', 'costPrice', 'priceChange', 'marginPolicy', 'priceTier'],
  promotions: ['promotion', 'coupon', 'couponRedemption', 'discountRule', 'bundleOffer', 'voucher', 'giftCard', 'flashSale'],
  returns: ['returnRequest', 'returnItem', 'returnReason', 'returnAuthorization', 'restockDecision', 'returnLabel', 'exchangeOrder', 'returnInspection'],
  warehouse: ['warehouse', 'storageBin', 'pickList', 'packingSlip', 'loadingDock', 'putawayTask', 'warehouseZone', 'pickingWave'],
  procurement: ['purchaseOrder', 'purchaseOrderLine', 'requisition', 'goodsReceipt', 'quotationRequest', 'buyer', 'approvalStep', 'purchaseBudget'],
  suppliers: ['supplier', 'supplierContact', 'supplierContract', 'supplierRating', 'leadTime', 'supplierItem', 'supplierOnboarding', 'supplierInvoice'],
  analytics: ['metricDefinition', 'dashboard', 'kpiSnapshot', 'conversionFunnel', 'cohort', 'trackedEvent', 'experimentResult', 'attributionModel'],
  reporting: ['report', 'reportSchedule', 'reportRun', 'reportTemplate', 'exportFile', 'reportWidget', 'dataSource', 'reportSubscription'],
  accounts: ['account', 'accountMember', 'organization', 'invitation', 'accountSetting', 'apiKey', 'team', 'accountLimit'],
  auth: ['userSession', 'credential', 'refreshToken', 'role', 'permission', 'mfaDevice', 'loginAttempt', 'passwordReset', 'oauthClient'],
  subscriptions: ['subscription', 'subscriptionPlan', 'planFeature', 'subscriptionItem', 'usageRecord', 'renewal', 'trialPeriod', 'subscriptionPause'],
  orders: ['order', 'orderLine', 'orderStatusChange', 'fulfillment', 'orderNote', 'backorder', 'orderHold', 'orderSplit'],
  carts: ['cart', 'cartItem', 'checkoutSession', 'savedCart', 'cartRule', 'abandonedCart', 'cartDiscount'],
  tax: ['taxJurisdiction', 'taxExemption', 'taxFiling', 'taxCode', 'vatNumber', 'taxRate', 'taxCalculation'],
  accounting: ['journalEntry', 'ledgerAccount', 'fiscalPeriod', 'bankReconciliation', 'costCenter', 'accrual', 'bankTransaction'],
  hr: ['employee', 'department', 'jobPosition', 'leaveRequest', 'timesheet', 'payslip', 'performanceReview', 'onboardingTask'],
  support: ['ticket', 'ticketComment', 'slaPolicy', 'supportAgent', 'cannedResponse', 'escalation', 'satisfactionSurvey', 'knowledgeArticle'],
  content: ['contentPage', 'article', 'mediaAsset', 'navigationMenu', 'banner', 'contentBlock', 'seoMetadata', 'redirectRule'],
  marketing: ['campaign', 'audience', 'emailBlast', 'landingPage', 'trackingLink', 'abTest', 'leadForm', 'marketingConsent'],
  recommendations: ['recommendation', 'similarityScore', 'userAffinity', 'modelVersion', 'trendingItem', 'recommendationSlot'],
  scheduling: ['appointment', 'timeSlot', 'calendar', 'booking', 'bookableResource', 'availabilityRule', 'waitlistEntry'],
  documents: ['document', 'documentVersion', 'signatureRequest', 'documentFolder', 'retentionPolicy', 'attachment', 'documentShare'],
  compliance: ['auditEntry', 'consentRecord', 'dataRequest', 'policyDocument', 'complianceCheck', 'retentionRule', 'riskAssessment'],
  integrations: ['webhook', 'webhookDelivery', 'integrationConnection', 'syncRun', 'apiClient', 'fieldMapping', 'integrationLog'],
  messaging: ['conversation', 'message', 'participant', 'messageAttachment', 'readReceipt', 'chatChannel', 'messageThread'],
  fleet: ['vehicle', 'driver', 'deliveryRoute', 'routeStop', 'dispatch', 'fuelLog', 'maintenanceRecord'],
  marketplace: ['seller', 'sellerListing', 'sellerPayout', 'commissionRule', 'sellerRating', 'sellerOffer', 'sellerDocument'],
  quotes: ['quote', 'quoteLine', 'quoteApproval', 'quoteTemplate', 'quoteRevision', 'quoteComment'],
  contracts: ['contract', 'contractClause', 'contractAmendment', 'contractParty', 'obligation', 'renewalNotice', 'contractMilestone'],
  wishlists: ['wishlist', 'wishlistItem', 'priceAlert', 'savedSearch', 'sharedList', 'backInStockAlert'],
  gifting: ['giftMessage', 'giftWrap', 'giftRegistry', 'registryItem', 'giftReceipt', 'giftRecipient'],
  assets: ['asset', 'assetAssignment', 'assetCategory', 'depreciationSchedule', 'assetAudit', 'assetLocation'],
  ticketing: ['venue', 'performance', 'seatMap', 'ticketOrder', 'admissionPass', 'seatHold'],
  feedback: ['survey', 'surveyQuestion', 'surveyResponse', 'npsScore', 'feedbackTopic', 'featureRequest'],
  onboarding: ['onboardingFlow', 'onboardingStep', 'checklistItem', 'welcomeTour', 'activationMilestone'],
  localization: ['translation', 'translationKey', 'supportedLocale', 'glossaryTerm', 'translationRequest'],
  media: ['mediaFile', 'videoAsset', 'thumbnail', 'transcodeTask', 'mediaLibrary', 'imageCrop'],
};

/** Qualifiers that split a domain when a system needs more domains than base names ("b2b-billing"). */
export const DOMAIN_QUALIFIERS: readonly string[] = [
  'b2b', 'partner', 'legacy', 'wholesale', 'retail', 'enterprise', 'regional', 'mobile',
  'vendor', 'internal', 'global', 'store', 'field', 'channel', 'corporate', 'premium',
];

/** Suffixes that derive more entities from a domain's own when it needs more than its list. */
export const ENTITY_SUFFIXES: readonly string[] = [
  'Snapshot', 'History', 'Revision', 'Link', 'Tag', 'Comment', 'Draft', 'Summary', 'Template', 'Attachment', 'Schedule', 'Preference',
];

/** Scalar columns an entity may carry, with their TypeScript types. */
export const FIELDS: readonly { name: string; type: 'string' | 'number' | 'boolean' | 'Date' }[] = [
  { name: 'name', type: 'string' },
  { name: 'code', type: 'string' },
  { name: 'reference', type: 'string' },
  { name: 'title', type: 'string' },
  { name: 'description', type: 'string' },
  { name: 'email', type: 'string' },
  { name: 'notes', type: 'string' },
  { name: 'externalId', type: 'string' },
  { name: 'region', type: 'string' },
  { name: 'channel', type: 'string' },
  { name: 'currency', type: 'string' },
  { name: 'quantity', type: 'number' },
  { name: 'priority', type: 'number' },
  { name: 'position', type: 'number' },
  { name: 'score', type: 'number' },
  { name: 'weight', type: 'number' },
  { name: 'attempts', type: 'number' },
  { name: 'capacity', type: 'number' },
  { name: 'active', type: 'boolean' },
  { name: 'archived', type: 'boolean' },
  { name: 'verified', type: 'boolean' },
  { name: 'locked', type: 'boolean' },
  { name: 'dueAt', type: 'Date' },
  { name: 'expiresAt', type: 'Date' },
  { name: 'scheduledAt', type: 'Date' },
  { name: 'completedAt', type: 'Date' },
  { name: 'publishedAt', type: 'Date' },
];

/** Names of Money-typed JSON columns. */
export const MONEY_FIELDS: readonly string[] = ['total', 'amount', 'balance', 'cost', 'fee', 'deposit', 'netValue'];

/** Values of entity status unions. */
export const STATUSES: readonly string[] = [
  'draft', 'pending', 'active', 'approved', 'rejected', 'cancelled', 'archived', 'completed', 'failed', 'expired', 'open', 'closed', 'suspended',
];

/** Extra application services per entity: `<entity>-<stem>.service.ts`, class `<Entity><noun>Service`, one bulk method. */
export const FEATURE_VERBS: readonly { stem: string; noun: string; method: string; gerund: string }[] = [
  { stem: 'export', noun: 'Export', method: 'exportMany', gerund: 'exported' },
  { stem: 'import', noun: 'Import', method: 'importBatch', gerund: 'imported' },
  { stem: 'reconciliation', noun: 'Reconciliation', method: 'reconcile', gerund: 'reconciled' },
  { stem: 'sync', noun: 'Sync', method: 'syncAll', gerund: 'synced' },
  { stem: 'audit', noun: 'Audit', method: 'auditMany', gerund: 'audited' },
  { stem: 'approval', noun: 'Approval', method: 'approveMany', gerund: 'approved' },
  { stem: 'notification', noun: 'Notification', method: 'notifyOwners', gerund: 'notified' },
  { stem: 'scheduling', noun: 'Scheduling', method: 'scheduleAll', gerund: 'scheduled' },
  { stem: 'cleanup', noun: 'Cleanup', method: 'cleanUp', gerund: 'cleaned up' },
  { stem: 'migration', noun: 'Migration', method: 'migrateAll', gerund: 'migrated' },
  { stem: 'enrichment', noun: 'Enrichment', method: 'enrich', gerund: 'enriched' },
  { stem: 'forecast', noun: 'Forecast', method: 'forecast', gerund: 'forecast' },
  { stem: 'bulk-update', noun: 'BulkUpdate', method: 'updateMany', gerund: 'updated' },
  { stem: 'duplicate-check', noun: 'DuplicateCheck', method: 'findDuplicates', gerund: 'checked' },
  { stem: 'lifecycle', noun: 'Lifecycle', method: 'advance', gerund: 'advanced' },
  { stem: 'archiving', noun: 'Archiving', method: 'archiveMany', gerund: 'archived' },
  { stem: 'query', noun: 'Query', method: 'countMatching', gerund: 'matched' },
  { stem: 'statistics', noun: 'Statistics', method: 'computeStats', gerund: 'counted' },
  { stem: 'assignment', noun: 'Assignment', method: 'assignMany', gerund: 'assigned' },
  { stem: 'merge', noun: 'Merge', method: 'mergeDuplicates', gerund: 'merged' },
  { stem: 'scoring', noun: 'Scoring', method: 'scoreMany', gerund: 'scored' },
  { stem: 'escalation', noun: 'Escalation', method: 'escalate', gerund: 'escalated' },
];

/** Scheduled jobs per entity: `<entity>-<stem>.job.ts`, class `<Entity><noun>Job`. */
export const JOB_VERBS: readonly { stem: string; noun: string; schedule: string; summary: string }[] = [
  { stem: 'reminder', noun: 'Reminder', schedule: '0 8 * * *', summary: 'sends reminders for' },
  { stem: 'cleanup', noun: 'Cleanup', schedule: '30 2 * * *', summary: 'purges stale' },
  { stem: 'sync', noun: 'Sync', schedule: '*/15 * * * *', summary: 'synchronises' },
  { stem: 'digest', noun: 'Digest', schedule: '0 7 * * 1', summary: 'builds the weekly digest of' },
  { stem: 'expiry', noun: 'Expiry', schedule: '0 0 * * *', summary: 'expires overdue' },
  { stem: 'recalculation', noun: 'Recalculation', schedule: '0 3 * * *', summary: 'recalculates' },
  { stem: 'archival', noun: 'Archival', schedule: '0 4 1 * *', summary: 'archives old' },
  { stem: 'snapshot', noun: 'Snapshot', schedule: '0 1 * * *', summary: 'snapshots' },
  { stem: 'retry', noun: 'Retry', schedule: '*/5 * * * *', summary: 'retries failed' },
  { stem: 'health-check', noun: 'HealthCheck', schedule: '*/10 * * * *', summary: 'checks the consistency of' },
];

/** Verbs of domain events besides `created` and `updated`. */
export const EVENT_VERBS: readonly string[] = [
  'cancelled', 'approved', 'archived', 'expired', 'completed', 'rejected', 'published', 'assigned', 'closed', 'renewed', 'suspended', 'restored',
];

/** Shared-kernel utility areas beyond the core modules: folder, file nouns, method adverb. */
export const KERNEL_AREAS: readonly { folder: string; nouns: readonly string[]; adverb: string }[] = [
  { folder: 'retry', nouns: ['retry-policy', 'retry-strategy', 'backoff-runner'], adverb: 'WithRetry' },
  { folder: 'cache', nouns: ['cache-store', 'cache-layer', 'memo-cache'], adverb: 'Cached' },
  { folder: 'locks', nouns: ['lock', 'mutex', 'lock-guard'], adverb: 'Locked' },
  { folder: 'metrics', nouns: ['metrics-recorder', 'timer', 'metrics-collector'], adverb: 'Timed' },
  { folder: 'tracing', nouns: ['tracer', 'span-recorder', 'trace-context'], adverb: 'Traced' },
  { folder: 'rate-limit', nouns: ['rate-limiter', 'throttle', 'quota-guard'], adverb: 'Throttled' },
  { folder: 'circuit', nouns: ['circuit-breaker', 'failure-guard', 'trip-switch'], adverb: 'Guarded' },
  { folder: 'audit', nouns: ['audit-trail', 'audit-recorder', 'change-log'], adverb: 'Audited' },
  { folder: 'dedupe', nouns: ['request-coalescer', 'deduplicator', 'inflight-map'], adverb: 'Deduped' },
  { folder: 'idempotency', nouns: ['idempotency-guard', 'idempotency-registry', 'once-keeper'], adverb: 'Once' },
  { folder: 'bulkhead', nouns: ['bulkhead', 'concurrency-pool', 'slot-limiter'], adverb: 'Bounded' },
  { folder: 'flags', nouns: ['feature-gate', 'flag-toggle', 'rollout-switch'], adverb: 'IfEnabled' },
];

/** Subsystems a shared utility is specialised for ("db-retry-policy"). */
export const KERNEL_TARGETS: readonly string[] = [
  'http', 'db', 'queue', 'mail', 'storage', 'webhook', 'partner', 'batch', 'cron', 'stream', 'file', 'search',
  'sms', 'ledger', 'export', 'import', 'report', 'session', 'cdn', 'grpc', 'graphql', 'socket', 'pdf', 'ftp',
];

/** Identifiers the generated code uses itself, or that would shadow a global type; never entity names. */
export const RESERVED_NAMES: readonly string[] = [
  'record', 'partial', 'map', 'set', 'promise', 'date', 'error', 'object', 'array', 'symbol', 'function', 'string', 'number',
  'boolean', 'page', 'result', 'money', 'logger', 'application', 'constructor', 'required', 'readonly', 'pick', 'omit',
  'found', 'saved', 'items', 'size', 'input', 'id', 'ids', 'row', 'processed', 'known', 'value', 'request', 'issues',
  'event', 'type', 'entity', 'key', 'status', 'name', 'package', 'case', 'default', 'new', 'delete', 'return', 'class',
  'import', 'export', 'interface', 'enum', 'public', 'private', 'static', 'yield', 'let', 'switch', 'catch', 'finally',
];

--
-- PostgreSQL database dump
--

\restrict vnDxut3ciNqEN7PlRV8YIZseAlATzJL8z6dWBG2ZMiqkZ6CfbGoZY4fP3vK5gWJ

-- Dumped from database version 14.22
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: public; Type: SCHEMA; Schema: -; Owner: -
--

-- *not* creating schema, since initdb creates it


--
-- Name: audit_entry_enqueue(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_entry_enqueue() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    insert into audit_pending (entry_id, position) values (new.id, new.position);
    return null;
end;
$$;


--
-- Name: audit_entry_refuse_change(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_entry_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;


--
-- Name: ledger_refuse_change(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.ledger_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;


--
-- Name: witness_guard(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.witness_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    if tg_op <> 'UPDATE' then
        raise exception 'witness rows are never removed: % refused', tg_op using errcode = 'insufficient_privilege';
    end if;
    if old.status <> 'PENDING'
            or new.status = 'PENDING'
            or new.id <> old.id
            or new.organisation_id <> old.organisation_id
            or new.name <> old.name
            or new.public_key <> old.public_key
            or new.key_id <> old.key_id
            or new.registered_by <> old.registered_by
            or new.created_at <> old.created_at then
        raise exception 'a witness key is decided once, and its organisation, name and key never change'
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: access_rule; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.access_rule (
    id character varying(36) NOT NULL,
    resource character varying(80) NOT NULL,
    principal_type character varying(16) NOT NULL,
    principal_id character varying(36),
    principal_kind character varying(16),
    permission character varying(16) NOT NULL,
    expires_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    created_by character varying(36),
    revoked_at timestamp with time zone,
    revoked_by character varying(36),
    version bigint DEFAULT 0 NOT NULL,
    CONSTRAINT access_rule_check CHECK ((((principal_type)::text = 'ORG_KIND'::text) = (principal_kind IS NOT NULL))),
    CONSTRAINT access_rule_check1 CHECK ((((principal_type)::text = 'ORG_KIND'::text) = (principal_id IS NULL))),
    CONSTRAINT access_rule_permission_check CHECK (((permission)::text = ANY ((ARRAY['VIEW'::character varying, 'CONTRIBUTE'::character varying, 'UPLOAD'::character varying, 'DOWNLOAD'::character varying, 'MODERATE'::character varying, 'PRESENT'::character varying, 'ATTEND'::character varying])::text[]))),
    CONSTRAINT access_rule_principal_kind_check CHECK (((principal_kind)::text = ANY ((ARRAY['VENDOR'::character varying, 'CARRIER'::character varying, 'REGULATOR'::character varying, 'OBSERVER'::character varying])::text[]))),
    CONSTRAINT access_rule_principal_type_check CHECK (((principal_type)::text = ANY ((ARRAY['ORGANISATION'::character varying, 'ACCOUNT'::character varying, 'ORG_KIND'::character varying])::text[])))
);


--
-- Name: account; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.account (
    id character varying(36) NOT NULL,
    username character varying(64) NOT NULL,
    display_name character varying(120) NOT NULL,
    organisation_id character varying(36) NOT NULL,
    password_hash character varying(512) NOT NULL,
    disabled boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone NOT NULL,
    version bigint DEFAULT 0 NOT NULL
);


--
-- Name: account_role; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.account_role (
    account_id character varying(36) NOT NULL,
    role character varying(16) NOT NULL,
    CONSTRAINT account_role_role_check CHECK (((role)::text = ANY ((ARRAY['ADMIN'::character varying, 'COMPLIANCE'::character varying])::text[])))
);


--
-- Name: audit_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_entry (
    id character varying(36) NOT NULL,
    "position" bigint NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    actor_account character varying(36),
    actor_organisation character varying(36),
    action character varying(40) NOT NULL,
    resource character varying(200) NOT NULL,
    request_id character varying(64) NOT NULL,
    client_address character varying(64),
    content_digest character varying(64),
    canonical text NOT NULL
);


--
-- Name: audit_entry_position_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.audit_entry_position_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_entry_position_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.audit_entry_position_seq OWNED BY public.audit_entry."position";


--
-- Name: audit_pending; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_pending (
    entry_id character varying(36) NOT NULL,
    "position" bigint NOT NULL
);


--
-- Name: cosignature; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cosignature (
    id character varying(36) NOT NULL,
    witness_id character varying(36) NOT NULL,
    tree_size bigint NOT NULL,
    signature bytea NOT NULL,
    signed_at bigint NOT NULL,
    accepted_at timestamp with time zone NOT NULL,
    accepted_by character varying(36) NOT NULL,
    CONSTRAINT cosignature_signature_check CHECK ((octet_length(signature) = 76)),
    CONSTRAINT cosignature_signed_at_check CHECK ((signed_at >= 0))
);


--
-- Name: credential; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credential (
    id character varying(36) NOT NULL,
    account_id character varying(36) NOT NULL,
    kind character varying(8) NOT NULL,
    label character varying(120),
    secret_hash character varying(64) NOT NULL,
    csrf_hash character varying(64),
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone,
    version bigint DEFAULT 0 NOT NULL,
    CONSTRAINT credential_kind_check CHECK (((kind)::text = ANY ((ARRAY['TOKEN'::character varying, 'SESSION'::character varying])::text[])))
);


--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: forum_post; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.forum_post (
    id character varying(36) NOT NULL,
    thread_id character varying(36) NOT NULL,
    room_id character varying(36) NOT NULL,
    author character varying(36) NOT NULL,
    body text,
    html text,
    digest character varying(64) NOT NULL,
    revision integer DEFAULT 1 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revised_at timestamp with time zone,
    hidden_at timestamp with time zone,
    hidden_by character varying(36),
    hidden_reason character varying(500),
    purged_at timestamp with time zone,
    version bigint DEFAULT 0 NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, COALESCE(html, ''::text))) STORED,
    CONSTRAINT forum_post_check CHECK (((body IS NULL) = (purged_at IS NOT NULL))),
    CONSTRAINT forum_post_check1 CHECK (((hidden_at IS NULL) = (hidden_reason IS NULL)))
);


--
-- Name: forum_thread; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.forum_thread (
    id character varying(36) NOT NULL,
    room_id character varying(36) NOT NULL,
    title character varying(200),
    author character varying(36) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_post_at timestamp with time zone NOT NULL,
    post_count integer DEFAULT 0 NOT NULL,
    pinned boolean DEFAULT false NOT NULL,
    locked boolean DEFAULT false NOT NULL,
    purged_at timestamp with time zone,
    version bigint DEFAULT 0 NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, (COALESCE(title, ''::character varying))::text)) STORED,
    CONSTRAINT forum_thread_check CHECK (((title IS NULL) = (purged_at IS NOT NULL)))
);


--
-- Name: ledger_checkpoint; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_checkpoint (
    tree_size bigint NOT NULL,
    root_hash bytea NOT NULL,
    note text NOT NULL,
    signed_at timestamp with time zone NOT NULL,
    CONSTRAINT ledger_checkpoint_root_hash_check CHECK ((octet_length(root_hash) = 32))
);


--
-- Name: ledger_leaf; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_leaf (
    idx bigint NOT NULL,
    entry_id character varying(36) NOT NULL,
    leaf_hash bytea NOT NULL,
    CONSTRAINT ledger_leaf_leaf_hash_check CHECK ((octet_length(leaf_hash) = 32))
);


--
-- Name: ledger_node; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ledger_node (
    level smallint NOT NULL,
    idx bigint NOT NULL,
    hash bytea NOT NULL,
    CONSTRAINT ledger_node_hash_check CHECK ((octet_length(hash) = 32))
);


--
-- Name: login_failure; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.login_failure (
    id bigint NOT NULL,
    username character varying(64) NOT NULL,
    failed_at timestamp with time zone NOT NULL
);


--
-- Name: login_failure_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.login_failure_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: login_failure_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.login_failure_id_seq OWNED BY public.login_failure.id;


--
-- Name: moderation_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.moderation_event (
    id character varying(36) NOT NULL,
    room_id character varying(36) NOT NULL,
    moderator character varying(36),
    action character varying(16) NOT NULL,
    thread_id character varying(36),
    post_id character varying(36),
    other_room_id character varying(36),
    reason character varying(500),
    created_at timestamp with time zone NOT NULL
);


--
-- Name: notification; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notification (
    id character varying(36) NOT NULL,
    account_id character varying(36) NOT NULL,
    kind character varying(16) NOT NULL,
    room_id character varying(36) NOT NULL,
    thread_id character varying(36) NOT NULL,
    post_id character varying(36) NOT NULL,
    actor character varying(36),
    created_at timestamp with time zone NOT NULL,
    read_at timestamp with time zone,
    CONSTRAINT notification_kind_check CHECK (((kind)::text = ANY ((ARRAY['MENTION'::character varying, 'REPLY'::character varying, 'NEW_THREAD'::character varying])::text[])))
);


--
-- Name: organisation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organisation (
    id character varying(36) NOT NULL,
    name character varying(120) NOT NULL,
    kind character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    CONSTRAINT organisation_kind_check CHECK (((kind)::text = ANY ((ARRAY['VENDOR'::character varying, 'CARRIER'::character varying, 'REGULATOR'::character varying, 'OBSERVER'::character varying])::text[])))
);


--
-- Name: post_flag; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.post_flag (
    id character varying(36) NOT NULL,
    post_id character varying(36) NOT NULL,
    room_id character varying(36) NOT NULL,
    reporter character varying(36) NOT NULL,
    reason character varying(16) NOT NULL,
    text character varying(1000),
    created_at timestamp with time zone NOT NULL,
    outcome character varying(8),
    resolved_by character varying(36),
    resolved_at timestamp with time zone,
    note character varying(500),
    version bigint DEFAULT 0 NOT NULL,
    CONSTRAINT post_flag_check CHECK (((outcome IS NULL) = (resolved_at IS NULL))),
    CONSTRAINT post_flag_outcome_check CHECK (((outcome)::text = ANY ((ARRAY['HIDE'::character varying, 'DISMISS'::character varying])::text[]))),
    CONSTRAINT post_flag_reason_check CHECK (((reason)::text = ANY ((ARRAY['SPAM'::character varying, 'OFF_TOPIC'::character varying, 'INAPPROPRIATE'::character varying, 'ILLEGAL'::character varying, 'OTHER'::character varying])::text[])))
);


--
-- Name: post_reaction; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.post_reaction (
    post_id character varying(36) NOT NULL,
    account_id character varying(36) NOT NULL,
    reaction character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: post_revision; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.post_revision (
    post_id character varying(36) NOT NULL,
    number integer NOT NULL,
    body text,
    digest character varying(64) NOT NULL,
    author character varying(36) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: read_receipt; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.read_receipt (
    account_id character varying(36) NOT NULL,
    resource character varying(80) NOT NULL,
    recorded_at timestamp with time zone NOT NULL
);


--
-- Name: room; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.room (
    id character varying(36) NOT NULL,
    name character varying(120) NOT NULL,
    kind character varying(16) NOT NULL,
    description character varying(2000),
    created_at timestamp with time zone NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    retention_days integer,
    legal_hold_reason character varying(500),
    legal_hold_since timestamp with time zone,
    legal_hold_by character varying(36),
    CONSTRAINT room_kind_check CHECK (((kind)::text = ANY ((ARRAY['FORUM'::character varying, 'DOCUMENTS'::character varying])::text[]))),
    CONSTRAINT room_legal_hold_complete CHECK (((legal_hold_reason IS NULL) = (legal_hold_since IS NULL))),
    CONSTRAINT room_retention_days_check CHECK (((retention_days IS NULL) OR ((retention_days >= 1) AND (retention_days <= 36500))))
);


--
-- Name: subscription; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.subscription (
    account_id character varying(36) NOT NULL,
    target character varying(80) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: thread_read; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.thread_read (
    account_id character varying(36) NOT NULL,
    thread_id character varying(36) NOT NULL,
    read_until timestamp with time zone NOT NULL
);


--
-- Name: witness; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.witness (
    id character varying(36) NOT NULL,
    organisation_id character varying(36) NOT NULL,
    name character varying(200) NOT NULL,
    public_key bytea NOT NULL,
    key_id bytea NOT NULL,
    status character varying(16) NOT NULL,
    registered_by character varying(36) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    decided_by character varying(36),
    decided_at timestamp with time zone,
    reason character varying(500),
    version bigint DEFAULT 0 NOT NULL,
    CONSTRAINT witness_check CHECK ((((status)::text = 'PENDING'::text) = (decided_at IS NULL))),
    CONSTRAINT witness_key_id_check CHECK ((octet_length(key_id) = 4)),
    CONSTRAINT witness_public_key_check CHECK ((octet_length(public_key) = 32)),
    CONSTRAINT witness_status_check CHECK (((status)::text = ANY ((ARRAY['PENDING'::character varying, 'APPROVED'::character varying, 'REJECTED'::character varying])::text[])))
);


--
-- Name: audit_entry position; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entry ALTER COLUMN "position" SET DEFAULT nextval('public.audit_entry_position_seq'::regclass);


--
-- Name: login_failure id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.login_failure ALTER COLUMN id SET DEFAULT nextval('public.login_failure_id_seq'::regclass);


--
-- Data for Name: access_rule; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.access_rule VALUES
	('2f26421f-55dc-49db-9a35-5e0d6c727887', 'rooms/6b04b48a-160b-4d2a-8a48-50b47150e860', 'ORG_KIND', NULL, 'CARRIER', 'CONTRIBUTE', NULL, '2026-11-30 02:42:43.724974+00', NULL, NULL, NULL, 1),
	('99e83c52-71c2-4bd3-a75e-c4cdcf308a8e', 'rooms/6b04b48a-160b-4d2a-8a48-50b47150e860', 'ORGANISATION', '3b2942ea-6a0a-4d65-bb37-7be6a9262a54', NULL, 'MODERATE', NULL, '2026-11-30 02:42:43.724303+00', NULL, NULL, NULL, 1),
	('d094becd-e784-437e-a1dc-5b5bb10af259', 'rooms/6b04b48a-160b-4d2a-8a48-50b47150e860', 'ORGANISATION', '3b2942ea-6a0a-4d65-bb37-7be6a9262a54', NULL, 'VIEW', NULL, '2026-11-30 02:42:43.714858+00', NULL, NULL, NULL, 1),
	('25a87f35-ee41-427b-ae34-ad7530ec8f88', 'rooms/993ec60f-98aa-4296-81c7-572c0815282c', 'ORGANISATION', 'c1af3d27-ccde-492c-b220-a121a4ad83d7', NULL, 'DOWNLOAD', NULL, '2026-11-30 02:42:43.736478+00', NULL, NULL, NULL, 1),
	('7a32716a-fbc1-440d-b7e3-5d7caebd0b8a', 'rooms/993ec60f-98aa-4296-81c7-572c0815282c', 'ACCOUNT', '393fdb87-9a32-4d38-9f77-712dcb5fd53e', NULL, 'MODERATE', NULL, '2026-11-30 02:42:43.736698+00', NULL, NULL, NULL, 1),
	('61a5fdca-35b4-46c4-bea6-d2342a3a1abe', 'rooms/6b04b48a-160b-4d2a-8a48-50b47150e860', 'ORGANISATION', '3b2942ea-6a0a-4d65-bb37-7be6a9262a54', NULL, 'CONTRIBUTE', NULL, '2026-11-30 02:42:43.723847+00', NULL, NULL, NULL, 1),
	('7e611098-7158-46cb-a2ec-928c89d73b23', 'rooms/dfe797b0-1516-42f1-a341-828571278936', 'ACCOUNT', '10077a4f-ce1f-44be-a231-de306f2b2027', NULL, 'MODERATE', NULL, '2026-11-30 02:42:43.742316+00', NULL, NULL, NULL, 1),
	('7f37256b-649b-4e69-9af0-44f831d5f0af', 'rooms/dfe797b0-1516-42f1-a341-828571278936', 'ORG_KIND', NULL, 'CARRIER', 'CONTRIBUTE', NULL, '2026-11-30 02:42:43.742084+00', NULL, NULL, NULL, 1),
	('cd2d9fb0-fefc-46cd-899d-6a8466182580', 'rooms/993ec60f-98aa-4296-81c7-572c0815282c', 'ORGANISATION', 'c1af3d27-ccde-492c-b220-a121a4ad83d7', NULL, 'UPLOAD', NULL, '2026-11-30 02:42:43.736263+00', NULL, NULL, NULL, 1),
	('dfca3384-a42b-4aa5-ab90-34b070c91f0a', 'rooms/6b04b48a-160b-4d2a-8a48-50b47150e860', 'ORG_KIND', NULL, 'REGULATOR', 'CONTRIBUTE', NULL, '2026-11-30 02:42:43.735234+00', NULL, NULL, NULL, 1),
	('d64ba4a1-c259-4bc4-ac5c-5f888cf487d6', 'rooms/6b04b48a-160b-4d2a-8a48-50b47150e860', 'ORG_KIND', NULL, 'REGULATOR', 'VIEW', NULL, '2026-11-30 02:42:43.725252+00', NULL, NULL, NULL, 1),
	('dfa60354-9c7f-4f0c-90fa-1167e1551c4a', 'rooms/993ec60f-98aa-4296-81c7-572c0815282c', 'ORGANISATION', 'c1af3d27-ccde-492c-b220-a121a4ad83d7', NULL, 'VIEW', NULL, '2026-11-30 02:42:43.736001+00', NULL, NULL, NULL, 1),
	('da6f7567-2fe6-47f0-93af-c542dc6f2026', 'rooms/6b04b48a-160b-4d2a-8a48-50b47150e860', 'ORG_KIND', NULL, 'CARRIER', 'VIEW', NULL, '2026-11-30 02:42:43.724567+00', NULL, NULL, NULL, 1);


--
-- Data for Name: account; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.account VALUES
	('546c3af8-e9a6-4ccd-bd94-8854bd9f0657', 'vera.vendor', 'Vera Lindqvist', '3b2942ea-6a0a-4d65-bb37-7be6a9262a54', 'PBKDF2WithHmacSHA512:210000:1p1HPmzIIVdFT1W1hnByc23qx86nVXFHJ7Ol5cntr7s=:s7zNY16aU63DCCetqFzBSY3mcAedxnq4l6xilJQDAqoi/ULQ3n/x0VF0tdF50+3Xr/kEhuTgwhgOzj721oQJ5A==', false, '2026-11-30 02:42:41.33863+00', 1),
	('84dd1697-f579-4e68-8a88-7246a8ad9874', 'viktor.vendor', 'Viktor Aalto', '3b2942ea-6a0a-4d65-bb37-7be6a9262a54', 'PBKDF2WithHmacSHA512:210000:qAP4fJKJFLH1ECx/bPyT6HWnrXYhkvMrhbPi6/S1qWA=:5T1O1r+cWWQdXlnpBkgFz6nl2+ActQP6/WsYuk9yMErQkY8lpneG11fbzgOev7HkW7zEiJ9AWHclAB2KE/HMoA==', false, '2026-11-30 02:42:41.598343+00', 1),
	('73261cad-bf3d-4134-af42-65df931df811', 'carla.carrier', 'Carla Haugen', 'c1af3d27-ccde-492c-b220-a121a4ad83d7', 'PBKDF2WithHmacSHA512:210000:y1e3iw85cCzKpjELA6wQ476qmntiCOv5tsteSJ26rqE=:dqnaxZFSFqtow7fGBsznWdi5TfbvdbJYdbsERXr4yDvm3W0SZtZFWtvrAK4PfxLctNIxCS70cCCVMr7lPgdH8A==', false, '2026-11-30 02:42:41.774921+00', 1),
	('393fdb87-9a32-4d38-9f77-712dcb5fd53e', 'conrad.carrier', 'Conrad Berg', 'c1af3d27-ccde-492c-b220-a121a4ad83d7', 'PBKDF2WithHmacSHA512:210000:IvKbU1TnHgRYY2YlMU0mlRCeBEOhprFGM/iAOd8bHv4=:sMO5Er2iZ3wIwHFAEjs0TjhcWrlFTu2V2HTVaVYxi7afd1bFBOImd3XoqpOvPbFRQ9YRG/XmaTDN6Dh0+ROm1A==', false, '2026-11-30 02:42:42.020855+00', 1),
	('10077a4f-ce1f-44be-a231-de306f2b2027', 'bianca.baltic', 'Bianca Ozola', '700b9f57-392c-411a-bfe7-bed69aeea3c5', 'PBKDF2WithHmacSHA512:210000:BB9UdDFKguTDMyGXoqE2J/B4ClqA5rV8+a88kG68kQk=:dMuXX+WWzQRrboEuH9lLjkVR+KY/OaN6sDKoOrI3PeFwhgRsgd+9497/7+I9JpNIoQAXwWXfmU6eaaTRmexQoQ==', false, '2026-11-30 02:42:42.203317+00', 1),
	('cb513168-bd8f-4602-bc51-565970017a49', 'bruno.baltic', 'Bruno Kalnins', '700b9f57-392c-411a-bfe7-bed69aeea3c5', 'PBKDF2WithHmacSHA512:210000:MTwKB0ue9ikfw8WcjV5KLwdqx3Ay9dfEFeD3hGh42n4=:eJX2DrdDFGG7WCNBFYpfNEnggromege8gNlIhnbr/ZZ0XwdhsgPAjjxFaDdHEFQr/pWxWLCjx/J0Dp7nGtMeOQ==', false, '2026-11-30 02:42:42.376074+00', 1),
	('d0942efc-44e3-4813-b31b-e7dfa4fd3a31', 'rita.regulator', 'Rita Nieminen', 'bf74ada2-a3a3-43d5-964e-8b89391afcb9', 'PBKDF2WithHmacSHA512:210000:bIK16jy4MeYh0gBq5WiZSivtlDLX8rMDcJmovK7Y8lo=:6WcOrVuEAT4ukDha/I4uIfE3VohdhKAX3yu41ZNKvFl4aEvaHyF+Ab7LAA4GVQzE72wKxENW9MoTjuqA3jN34Q==', false, '2026-11-30 02:42:42.604372+00', 1),
	('4addd3a9-7724-428b-8c03-9a3f2aa8d687', 'rolf.regulator', 'Rolf Dahl', 'bf74ada2-a3a3-43d5-964e-8b89391afcb9', 'PBKDF2WithHmacSHA512:210000:Caw9O/DBRjKmLoRURi1X2k7gUgVuG7qc0P6WAMkqXsU=:U1q2tgn/WojOjCkHdu4uq+AaCelJ8Ck5NfJYIaCujIZVYASPGg4h4LgmqqXcJJeClj1Qh6Ma+ArJDRIz3fJnmA==', false, '2026-11-30 02:42:43.056533+00', 1),
	('94cae54c-86c0-4c7e-831e-9634a062a616', 'olga.operator', 'Olga Strand', '1dd852db-fea8-4a55-be13-c6204f453b5d', 'PBKDF2WithHmacSHA512:210000:DOg2ZYOGw9HGldxyopoWbBw4uServiEgmetZZMb9aIY=:YQH+LHJyeZmocYOsDFouH+SoU/3nEcRC9dRltOq8O1V8eDtU2GezJ0VoP2tAXY+CFh9bdB23sXUTM73OoubHHw==', false, '2026-11-30 02:42:43.473872+00', 1),
	('eab449f5-4cb1-43be-b3cc-3b600f479ae1', 'cora.compliance', 'Cora Vik', '1dd852db-fea8-4a55-be13-c6204f453b5d', 'PBKDF2WithHmacSHA512:210000:d19WmWz8nl/hpORmruMkn5dIGqcQ0xXEXFGYrJjIV1I=:ePpiamZ7dk7glmDbInI5OKKCM5EaGNpYAPQfTEt6V8ktj4OI+0ky5MsT7N96gizMF5kk5467F0rrOITphf/XKQ==', false, '2026-11-30 02:42:43.684852+00', 1);


--
-- Data for Name: account_role; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.account_role VALUES
	('94cae54c-86c0-4c7e-831e-9634a062a616', 'ADMIN'),
	('eab449f5-4cb1-43be-b3cc-3b600f479ae1', 'COMPLIANCE');


--
-- Data for Name: audit_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_entry VALUES
	('14eb0f75-9941-41c8-a01a-e3805d7f8af5', 1, '2026-11-30 02:42:39.146436+00', NULL, NULL, 'ORGANISATION_CREATED', 'organisations/3b2942ea-6a0a-4d65-bb37-7be6a9262a54', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '9cc0a2b9a171a536a26eaf576a709c6d7d62db909d5826aacaade51bb5830e94', '{"action":"ORGANISATION_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:39.146436Z","client":null,"digest":"sha256:9cc0a2b9a171a536a26eaf576a709c6d7d62db909d5826aacaade51bb5830e94","format":1,"id":"14eb0f75-9941-41c8-a01a-e3805d7f8af5","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"organisations/3b2942ea-6a0a-4d65-bb37-7be6a9262a54"}'),
	('6bbf9803-4759-46ef-9e46-67065f0b3db1', 2, '2026-11-30 02:42:39.184774+00', NULL, NULL, 'ORGANISATION_CREATED', 'organisations/c1af3d27-ccde-492c-b220-a121a4ad83d7', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'd069be92fa5f31817817eb0daf96f403c846d04a50f4bf3f17075d6d1f19d7e7', '{"action":"ORGANISATION_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:39.184774Z","client":null,"digest":"sha256:d069be92fa5f31817817eb0daf96f403c846d04a50f4bf3f17075d6d1f19d7e7","format":1,"id":"6bbf9803-4759-46ef-9e46-67065f0b3db1","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"organisations/c1af3d27-ccde-492c-b220-a121a4ad83d7"}'),
	('b1a297ff-200e-446e-a86d-4c02c93b36a9', 3, '2026-11-30 02:42:39.202177+00', NULL, NULL, 'ORGANISATION_CREATED', 'organisations/700b9f57-392c-411a-bfe7-bed69aeea3c5', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '027e8bb9fc6ef1cb4360a27117af8a49f202c6c3a0407483a9525251a2d78347', '{"action":"ORGANISATION_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:39.202177Z","client":null,"digest":"sha256:027e8bb9fc6ef1cb4360a27117af8a49f202c6c3a0407483a9525251a2d78347","format":1,"id":"b1a297ff-200e-446e-a86d-4c02c93b36a9","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"organisations/700b9f57-392c-411a-bfe7-bed69aeea3c5"}'),
	('c7078d8d-35d4-4ed0-be03-bc1daf4cdd66', 4, '2026-11-30 02:42:39.213177+00', NULL, NULL, 'ORGANISATION_CREATED', 'organisations/bf74ada2-a3a3-43d5-964e-8b89391afcb9', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'b64c6344b781af7c9ff856300078279144097414675702222759a9e9b50e2948', '{"action":"ORGANISATION_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:39.213177Z","client":null,"digest":"sha256:b64c6344b781af7c9ff856300078279144097414675702222759a9e9b50e2948","format":1,"id":"c7078d8d-35d4-4ed0-be03-bc1daf4cdd66","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"organisations/bf74ada2-a3a3-43d5-964e-8b89391afcb9"}'),
	('e9b4227e-07c0-452f-a6e4-01b9d7ecd469', 5, '2026-11-30 02:42:39.215932+00', NULL, NULL, 'ORGANISATION_CREATED', 'organisations/1dd852db-fea8-4a55-be13-c6204f453b5d', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '1d134042ed74f6f4a7a39fa36e911d5953d6f57c239197c186f6eba628967a66', '{"action":"ORGANISATION_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:39.215932Z","client":null,"digest":"sha256:1d134042ed74f6f4a7a39fa36e911d5953d6f57c239197c186f6eba628967a66","format":1,"id":"e9b4227e-07c0-452f-a6e4-01b9d7ecd469","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"organisations/1dd852db-fea8-4a55-be13-c6204f453b5d"}'),
	('354c542b-823a-4498-a00e-db5016d850d0', 6, '2026-11-30 02:42:41.362448+00', NULL, NULL, 'ACCOUNT_CREATED', 'accounts/546c3af8-e9a6-4ccd-bd94-8854bd9f0657', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'b921a65f6a1771788805620bcf59d49edc7fbc5023c00b51f3287ba4c4be0d21', '{"action":"ACCOUNT_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:41.362448Z","client":null,"digest":"sha256:b921a65f6a1771788805620bcf59d49edc7fbc5023c00b51f3287ba4c4be0d21","format":1,"id":"354c542b-823a-4498-a00e-db5016d850d0","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"accounts/546c3af8-e9a6-4ccd-bd94-8854bd9f0657"}'),
	('4d4d288f-ab24-4ecf-a988-5f7f12093b8e', 7, '2026-11-30 02:42:41.600216+00', NULL, NULL, 'ACCOUNT_CREATED', 'accounts/84dd1697-f579-4e68-8a88-7246a8ad9874', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'c727a9603aac80d57a6ae4bb12ff6ac0452b0e3b0cab885e24f12564aa6eb9d7', '{"action":"ACCOUNT_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:41.600216Z","client":null,"digest":"sha256:c727a9603aac80d57a6ae4bb12ff6ac0452b0e3b0cab885e24f12564aa6eb9d7","format":1,"id":"4d4d288f-ab24-4ecf-a988-5f7f12093b8e","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"accounts/84dd1697-f579-4e68-8a88-7246a8ad9874"}'),
	('eabb2587-bb75-4055-897d-2ed171877e57', 8, '2026-11-30 02:42:41.775479+00', NULL, NULL, 'ACCOUNT_CREATED', 'accounts/73261cad-bf3d-4134-af42-65df931df811', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'c8dec35d6487f671048d7d129815e21f78efd433189440e0aef57556bb8896a6', '{"action":"ACCOUNT_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:41.775479Z","client":null,"digest":"sha256:c8dec35d6487f671048d7d129815e21f78efd433189440e0aef57556bb8896a6","format":1,"id":"eabb2587-bb75-4055-897d-2ed171877e57","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"accounts/73261cad-bf3d-4134-af42-65df931df811"}'),
	('3532ee62-72f3-4ebb-b0ac-85e7329c250f', 9, '2026-11-30 02:42:42.021854+00', NULL, NULL, 'ACCOUNT_CREATED', 'accounts/393fdb87-9a32-4d38-9f77-712dcb5fd53e', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '4120b42b1ca00a99467ea7b169270d9509ded2d9de9a4f63e5f2ae674b24ffb9', '{"action":"ACCOUNT_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:42.021854Z","client":null,"digest":"sha256:4120b42b1ca00a99467ea7b169270d9509ded2d9de9a4f63e5f2ae674b24ffb9","format":1,"id":"3532ee62-72f3-4ebb-b0ac-85e7329c250f","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"accounts/393fdb87-9a32-4d38-9f77-712dcb5fd53e"}'),
	('3e09a9eb-1d71-49f1-9371-4af15dd130e8', 10, '2026-11-30 02:42:42.203934+00', NULL, NULL, 'ACCOUNT_CREATED', 'accounts/10077a4f-ce1f-44be-a231-de306f2b2027', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'cdc9a17d53e9ff63d8fb285fecffb0c8188506c55f3d7d2012e9c68dc6d7a049', '{"action":"ACCOUNT_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:42.203934Z","client":null,"digest":"sha256:cdc9a17d53e9ff63d8fb285fecffb0c8188506c55f3d7d2012e9c68dc6d7a049","format":1,"id":"3e09a9eb-1d71-49f1-9371-4af15dd130e8","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"accounts/10077a4f-ce1f-44be-a231-de306f2b2027"}'),
	('05e4f649-c9e0-4bfc-b6f3-8ddeba93662b', 11, '2026-11-30 02:42:42.376838+00', NULL, NULL, 'ACCOUNT_CREATED', 'accounts/cb513168-bd8f-4602-bc51-565970017a49', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'e1cd0d17aef8ad2a88029b44b61431c56790dd28d2eada09e183e8a5f1d7f5b2', '{"action":"ACCOUNT_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:42.376838Z","client":null,"digest":"sha256:e1cd0d17aef8ad2a88029b44b61431c56790dd28d2eada09e183e8a5f1d7f5b2","format":1,"id":"05e4f649-c9e0-4bfc-b6f3-8ddeba93662b","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"accounts/cb513168-bd8f-4602-bc51-565970017a49"}'),
	('ccd150b2-cd8b-4c40-8018-8e59031a7113', 12, '2026-11-30 02:42:42.605021+00', NULL, NULL, 'ACCOUNT_CREATED', 'accounts/d0942efc-44e3-4813-b31b-e7dfa4fd3a31', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'd3a6229cb52ff774e7b760165f2400c083c0d396b920372037ee55bbb73456ff', '{"action":"ACCOUNT_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:42.605021Z","client":null,"digest":"sha256:d3a6229cb52ff774e7b760165f2400c083c0d396b920372037ee55bbb73456ff","format":1,"id":"ccd150b2-cd8b-4c40-8018-8e59031a7113","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"accounts/d0942efc-44e3-4813-b31b-e7dfa4fd3a31"}'),
	('7f4d6576-8005-4321-8ad8-cd0f7fe201c0', 13, '2026-11-30 02:42:43.069728+00', NULL, NULL, 'ACCOUNT_CREATED', 'accounts/4addd3a9-7724-428b-8c03-9a3f2aa8d687', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '095e5f2f168dddcc86c02796e80faeaa194a7a453447c3713c1981724f98f7e4', '{"action":"ACCOUNT_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.069728Z","client":null,"digest":"sha256:095e5f2f168dddcc86c02796e80faeaa194a7a453447c3713c1981724f98f7e4","format":1,"id":"7f4d6576-8005-4321-8ad8-cd0f7fe201c0","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"accounts/4addd3a9-7724-428b-8c03-9a3f2aa8d687"}'),
	('126a0919-63c3-4b84-85e5-90b803556556', 14, '2026-11-30 02:42:43.475325+00', NULL, NULL, 'ACCOUNT_CREATED', 'accounts/94cae54c-86c0-4c7e-831e-9634a062a616', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'a46a0aad27c79f89bcb26869f8f887ca970ef78dc0db15995149e53eb79d86de', '{"action":"ACCOUNT_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.475325Z","client":null,"digest":"sha256:a46a0aad27c79f89bcb26869f8f887ca970ef78dc0db15995149e53eb79d86de","format":1,"id":"126a0919-63c3-4b84-85e5-90b803556556","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"accounts/94cae54c-86c0-4c7e-831e-9634a062a616"}'),
	('87414ecc-0c64-4a56-ae76-02e6981bbdaf', 15, '2026-11-30 02:42:43.724732+00', NULL, NULL, 'RULE_GRANTED', 'rules/da6f7567-2fe6-47f0-93af-c542dc6f2026', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '2a7e42594433b37f34f5c4e6446913ff8465e4e0be12bcccbf66b682987ae2dc', '{"action":"RULE_GRANTED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.724732Z","client":null,"digest":"sha256:2a7e42594433b37f34f5c4e6446913ff8465e4e0be12bcccbf66b682987ae2dc","format":1,"id":"87414ecc-0c64-4a56-ae76-02e6981bbdaf","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"rules/da6f7567-2fe6-47f0-93af-c542dc6f2026"}'),
	('108e5ab0-6bef-416a-9499-5475d2af0d8d', 16, '2026-11-30 02:42:43.741371+00', NULL, NULL, 'RULE_GRANTED', 'rules/7a32716a-fbc1-440d-b7e3-5d7caebd0b8a', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'f6f41777d4231018e850dcf4ed122e44fe60612ae2ad06a690477d0d1f567ee0', '{"action":"RULE_GRANTED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.741371Z","client":null,"digest":"sha256:f6f41777d4231018e850dcf4ed122e44fe60612ae2ad06a690477d0d1f567ee0","format":1,"id":"108e5ab0-6bef-416a-9499-5475d2af0d8d","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"rules/7a32716a-fbc1-440d-b7e3-5d7caebd0b8a"}'),
	('f2ee0abe-ab3a-4f81-b27e-afa4ffc6efc6', 17, '2026-11-30 02:42:43.741756+00', NULL, NULL, 'ROOM_CREATED', 'rooms/dfe797b0-1516-42f1-a341-828571278936', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '80814f341b928ed9ae962802b5680b3a89cc1284c7240df6988d91c9f924ae02', '{"action":"ROOM_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.741756Z","client":null,"digest":"sha256:80814f341b928ed9ae962802b5680b3a89cc1284c7240df6988d91c9f924ae02","format":1,"id":"f2ee0abe-ab3a-4f81-b27e-afa4ffc6efc6","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"rooms/dfe797b0-1516-42f1-a341-828571278936"}'),
	('18a3e2e5-1621-45a2-8504-ea665944aabd', 18, '2026-11-30 02:42:43.742423+00', NULL, NULL, 'RULE_GRANTED', 'rules/7e611098-7158-46cb-a2ec-928c89d73b23', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '0829b59508a431ae2c7b317bd911eb7ed131ba40edce4e143ce5b3eb7a4bab26', '{"action":"RULE_GRANTED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.742423Z","client":null,"digest":"sha256:0829b59508a431ae2c7b317bd911eb7ed131ba40edce4e143ce5b3eb7a4bab26","format":1,"id":"18a3e2e5-1621-45a2-8504-ea665944aabd","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"rules/7e611098-7158-46cb-a2ec-928c89d73b23"}'),
	('449cd54e-2a4c-40b4-ac19-0a4d7f4a0102', 19, '2026-11-30 02:42:43.735714+00', NULL, NULL, 'ROOM_CREATED', 'rooms/993ec60f-98aa-4296-81c7-572c0815282c', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'fc109ddf31f36176555e6522fe78f67bc79f32c07aab43290a41dc840ea4cc66', '{"action":"ROOM_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.735714Z","client":null,"digest":"sha256:fc109ddf31f36176555e6522fe78f67bc79f32c07aab43290a41dc840ea4cc66","format":1,"id":"449cd54e-2a4c-40b4-ac19-0a4d7f4a0102","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"rooms/993ec60f-98aa-4296-81c7-572c0815282c"}'),
	('c6a19788-0c7c-4fa9-a5ef-5c20ea3c025d', 20, '2026-11-30 02:42:43.685565+00', NULL, NULL, 'ACCOUNT_CREATED', 'accounts/eab449f5-4cb1-43be-b3cc-3b600f479ae1', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '9f00b575bf3fe5124ed6f2a24acb5d6ec8ef7a52c29110b6c42cddd68af568da', '{"action":"ACCOUNT_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.685565Z","client":null,"digest":"sha256:9f00b575bf3fe5124ed6f2a24acb5d6ec8ef7a52c29110b6c42cddd68af568da","format":1,"id":"c6a19788-0c7c-4fa9-a5ef-5c20ea3c025d","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"accounts/eab449f5-4cb1-43be-b3cc-3b600f479ae1"}'),
	('b9f29005-4662-4622-8836-6df673c7ca3f', 21, '2026-11-30 02:42:43.707199+00', NULL, NULL, 'ROOM_CREATED', 'rooms/6b04b48a-160b-4d2a-8a48-50b47150e860', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '1d3a5a02306ccd28a18b4351e40695af7a08a4ffebbcf9ed590afa12ada7a37f', '{"action":"ROOM_CREATED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.707199Z","client":null,"digest":"sha256:1d3a5a02306ccd28a18b4351e40695af7a08a4ffebbcf9ed590afa12ada7a37f","format":1,"id":"b9f29005-4662-4622-8836-6df673c7ca3f","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"rooms/6b04b48a-160b-4d2a-8a48-50b47150e860"}'),
	('85317f16-53d9-4329-8554-25586c564201', 22, '2026-11-30 02:42:43.733698+00', NULL, NULL, 'RULE_GRANTED', 'rules/d64ba4a1-c259-4bc4-ac5c-5f888cf487d6', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '4af2b0effd8ce6aabbe3dee5c48e5cb8d88af05fe748fc0ad31a01abdcbb66ac', '{"action":"RULE_GRANTED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.733698Z","client":null,"digest":"sha256:4af2b0effd8ce6aabbe3dee5c48e5cb8d88af05fe748fc0ad31a01abdcbb66ac","format":1,"id":"85317f16-53d9-4329-8554-25586c564201","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"rules/d64ba4a1-c259-4bc4-ac5c-5f888cf487d6"}'),
	('f121f39f-7389-438d-88dc-4c0f1dd02982', 23, '2026-11-30 02:42:43.724414+00', NULL, NULL, 'RULE_GRANTED', 'rules/99e83c52-71c2-4bd3-a75e-c4cdcf308a8e', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '7d7e0b331fcee661d7a1fb519e654ec192461bdf76fbde88180631536b4d48fe', '{"action":"RULE_GRANTED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.724414Z","client":null,"digest":"sha256:7d7e0b331fcee661d7a1fb519e654ec192461bdf76fbde88180631536b4d48fe","format":1,"id":"f121f39f-7389-438d-88dc-4c0f1dd02982","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"rules/99e83c52-71c2-4bd3-a75e-c4cdcf308a8e"}'),
	('ce313cf7-e312-4710-8f85-7327d543d1c1', 24, '2026-11-30 02:42:43.742176+00', NULL, NULL, 'RULE_GRANTED', 'rules/7f37256b-649b-4e69-9af0-44f831d5f0af', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '29637884d5d4587769ae5ce94ac10f7d1064b719412fed1a42466f84f0d8129e', '{"action":"RULE_GRANTED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.742176Z","client":null,"digest":"sha256:29637884d5d4587769ae5ce94ac10f7d1064b719412fed1a42466f84f0d8129e","format":1,"id":"ce313cf7-e312-4710-8f85-7327d543d1c1","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"rules/7f37256b-649b-4e69-9af0-44f831d5f0af"}'),
	('a8705ad0-9c2f-4058-9612-4b4be77cc35b', 25, '2026-11-30 02:42:43.725056+00', NULL, NULL, 'RULE_GRANTED', 'rules/2f26421f-55dc-49db-9a35-5e0d6c727887', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'e7867498bdeb61ef4ba8bdb2de4c659b540a26343d53b06cb124b9154f8a5a9a', '{"action":"RULE_GRANTED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.725056Z","client":null,"digest":"sha256:e7867498bdeb61ef4ba8bdb2de4c659b540a26343d53b06cb124b9154f8a5a9a","format":1,"id":"a8705ad0-9c2f-4058-9612-4b4be77cc35b","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"rules/2f26421f-55dc-49db-9a35-5e0d6c727887"}'),
	('a7bf60ed-f869-4039-b093-e371114a532c', 26, '2026-11-30 02:42:43.724082+00', NULL, NULL, 'RULE_GRANTED', 'rules/61a5fdca-35b4-46c4-bea6-d2342a3a1abe', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '40f03934c6fe6229046e9a2fdb6f6bee09888626500d84e12cacc7803ce9f5c2', '{"action":"RULE_GRANTED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.724082Z","client":null,"digest":"sha256:40f03934c6fe6229046e9a2fdb6f6bee09888626500d84e12cacc7803ce9f5c2","format":1,"id":"a7bf60ed-f869-4039-b093-e371114a532c","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"rules/61a5fdca-35b4-46c4-bea6-d2342a3a1abe"}'),
	('dcd1a368-bc90-4083-a027-75c9d9e263cd', 27, '2026-11-30 02:42:43.736113+00', NULL, NULL, 'RULE_GRANTED', 'rules/dfa60354-9c7f-4f0c-90fa-1167e1551c4a', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '65721cd973b0299d45f43cb4a94c4ccbc6e148d96baecf6784508f1b0c0cd95e', '{"action":"RULE_GRANTED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.736113Z","client":null,"digest":"sha256:65721cd973b0299d45f43cb4a94c4ccbc6e148d96baecf6784508f1b0c0cd95e","format":1,"id":"dcd1a368-bc90-4083-a027-75c9d9e263cd","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"rules/dfa60354-9c7f-4f0c-90fa-1167e1551c4a"}'),
	('baf17475-1a48-4e76-b6f5-cce08047ba8d', 28, '2026-11-30 02:42:43.73657+00', NULL, NULL, 'RULE_GRANTED', 'rules/25a87f35-ee41-427b-ae34-ad7530ec8f88', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '8936de7709224928a6b77d3872fb85898a3fee1ebb3362a338a92fd625351acb', '{"action":"RULE_GRANTED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.736570Z","client":null,"digest":"sha256:8936de7709224928a6b77d3872fb85898a3fee1ebb3362a338a92fd625351acb","format":1,"id":"baf17475-1a48-4e76-b6f5-cce08047ba8d","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"rules/25a87f35-ee41-427b-ae34-ad7530ec8f88"}'),
	('ec2e62af-45ad-4eee-8806-b705e62fd966', 29, '2026-11-30 02:42:43.723266+00', NULL, NULL, 'RULE_GRANTED', 'rules/d094becd-e784-437e-a1dc-5b5bb10af259', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '211ec0cc6a5a884ea46b0dd7c4a2ed20c45fd683d8f406ee62ad3c50414ae94b', '{"action":"RULE_GRANTED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.723266Z","client":null,"digest":"sha256:211ec0cc6a5a884ea46b0dd7c4a2ed20c45fd683d8f406ee62ad3c50414ae94b","format":1,"id":"ec2e62af-45ad-4eee-8806-b705e62fd966","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"rules/d094becd-e784-437e-a1dc-5b5bb10af259"}'),
	('5bca6842-2c18-4f21-8afc-c384e0ec4be0', 30, '2026-11-30 02:42:43.73635+00', NULL, NULL, 'RULE_GRANTED', 'rules/cd2d9fb0-fefc-46cd-899d-6a8466182580', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'a924a0b0e4016f27a7cb13b1d7194a59ac71108b53f3a901fea7123eab1e8879', '{"action":"RULE_GRANTED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.736350Z","client":null,"digest":"sha256:a924a0b0e4016f27a7cb13b1d7194a59ac71108b53f3a901fea7123eab1e8879","format":1,"id":"5bca6842-2c18-4f21-8afc-c384e0ec4be0","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"rules/cd2d9fb0-fefc-46cd-899d-6a8466182580"}'),
	('82622217-671b-4b4e-8576-a841d00e541b', 31, '2026-11-30 02:42:43.73542+00', NULL, NULL, 'RULE_GRANTED', 'rules/dfca3384-a42b-4aa5-ab90-34b070c91f0a', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '93bc2ae8954da44dc2cf81eeaed121edcf7df601aa86082b0b76af40386c1d28', '{"action":"RULE_GRANTED","actor":{"account":null,"organisation":null},"at":"2026-11-30T02:42:43.735420Z","client":null,"digest":"sha256:93bc2ae8954da44dc2cf81eeaed121edcf7df601aa86082b0b76af40386c1d28","format":1,"id":"82622217-671b-4b4e-8576-a841d00e541b","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"rules/dfca3384-a42b-4aa5-ab90-34b070c91f0a"}'),
	('d46d63a3-399c-4d4c-bce1-e76ee96c44b6', 32, '2026-11-30 02:42:44.402167+00', '546c3af8-e9a6-4ccd-bd94-8854bd9f0657', '3b2942ea-6a0a-4d65-bb37-7be6a9262a54', 'POST_CREATED', 'posts/21711184-fab7-43e4-858c-cd3f25d9feb7', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '56d92fdcbb0759b3d0a7bc04547769a18a151d40a0a09006171a8c88ad49e183', '{"action":"POST_CREATED","actor":{"account":"546c3af8-e9a6-4ccd-bd94-8854bd9f0657","organisation":"3b2942ea-6a0a-4d65-bb37-7be6a9262a54"},"at":"2026-11-30T02:42:44.402167Z","client":null,"digest":"sha256:56d92fdcbb0759b3d0a7bc04547769a18a151d40a0a09006171a8c88ad49e183","format":1,"id":"d46d63a3-399c-4d4c-bce1-e76ee96c44b6","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"posts/21711184-fab7-43e4-858c-cd3f25d9feb7"}'),
	('c8e74352-8cf3-4905-ba21-048ba8228e36', 33, '2026-11-30 02:42:44.401671+00', '546c3af8-e9a6-4ccd-bd94-8854bd9f0657', '3b2942ea-6a0a-4d65-bb37-7be6a9262a54', 'THREAD_OPENED', 'threads/ae4c51ab-21dc-409b-b665-b82999e4d762', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'afd54d64bb191eb2f4b9b37b709c637e674229baca3c29ddbbb38ba1217e6d9f', '{"action":"THREAD_OPENED","actor":{"account":"546c3af8-e9a6-4ccd-bd94-8854bd9f0657","organisation":"3b2942ea-6a0a-4d65-bb37-7be6a9262a54"},"at":"2026-11-30T02:42:44.401671Z","client":null,"digest":"sha256:afd54d64bb191eb2f4b9b37b709c637e674229baca3c29ddbbb38ba1217e6d9f","format":1,"id":"c8e74352-8cf3-4905-ba21-048ba8228e36","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"threads/ae4c51ab-21dc-409b-b665-b82999e4d762"}'),
	('ee22a30b-d45e-429b-9842-1fc2c747cafe', 34, '2026-11-30 02:42:44.505057+00', '73261cad-bf3d-4134-af42-65df931df811', 'c1af3d27-ccde-492c-b220-a121a4ad83d7', 'POST_CREATED', 'posts/a14cf751-51a4-464e-952f-1c7ea97a7ead', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'e70569023193ca9abb07773e0c327dc71b36e9c61ef63fd05c92cb874e0315fa', '{"action":"POST_CREATED","actor":{"account":"73261cad-bf3d-4134-af42-65df931df811","organisation":"c1af3d27-ccde-492c-b220-a121a4ad83d7"},"at":"2026-11-30T02:42:44.505057Z","client":null,"digest":"sha256:e70569023193ca9abb07773e0c327dc71b36e9c61ef63fd05c92cb874e0315fa","format":1,"id":"ee22a30b-d45e-429b-9842-1fc2c747cafe","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"posts/a14cf751-51a4-464e-952f-1c7ea97a7ead"}'),
	('9e24d6b1-8a1e-4fff-92f4-a02a773eb648', 35, '2026-11-30 02:42:44.536128+00', '546c3af8-e9a6-4ccd-bd94-8854bd9f0657', '3b2942ea-6a0a-4d65-bb37-7be6a9262a54', 'POST_CREATED', 'posts/f5e75101-c8d4-4c16-bb04-2e59510836a3', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '34aee1d3b37cd332e5feda7edc5acc867d73103ecf1eb9a04add23aef72fadce', '{"action":"POST_CREATED","actor":{"account":"546c3af8-e9a6-4ccd-bd94-8854bd9f0657","organisation":"3b2942ea-6a0a-4d65-bb37-7be6a9262a54"},"at":"2026-11-30T02:42:44.536128Z","client":null,"digest":"sha256:34aee1d3b37cd332e5feda7edc5acc867d73103ecf1eb9a04add23aef72fadce","format":1,"id":"9e24d6b1-8a1e-4fff-92f4-a02a773eb648","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"posts/f5e75101-c8d4-4c16-bb04-2e59510836a3"}'),
	('33514e0e-9806-4315-b511-d5614546174b', 36, '2026-11-30 02:42:44.554869+00', 'd0942efc-44e3-4813-b31b-e7dfa4fd3a31', 'bf74ada2-a3a3-43d5-964e-8b89391afcb9', 'POST_CREATED', 'posts/3fa84adf-5820-47b1-8357-158be0d85029', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'cfe510b39755152d61cee20eae7749487baab75deb32af93c887bd7e10cf6cc7', '{"action":"POST_CREATED","actor":{"account":"d0942efc-44e3-4813-b31b-e7dfa4fd3a31","organisation":"bf74ada2-a3a3-43d5-964e-8b89391afcb9"},"at":"2026-11-30T02:42:44.554869Z","client":null,"digest":"sha256:cfe510b39755152d61cee20eae7749487baab75deb32af93c887bd7e10cf6cc7","format":1,"id":"33514e0e-9806-4315-b511-d5614546174b","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"posts/3fa84adf-5820-47b1-8357-158be0d85029"}'),
	('e0ce742f-da49-427d-a23d-50fe1030aaf5', 37, '2026-11-30 02:42:44.561068+00', '393fdb87-9a32-4d38-9f77-712dcb5fd53e', 'c1af3d27-ccde-492c-b220-a121a4ad83d7', 'POST_CREATED', 'posts/c1f850c7-6cd6-4ba7-841f-6965b9b09461', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, 'ec4626d898a2cb53d708317ffe410aa1fc17cb265c0f12b9dcbb4b70674ebfd5', '{"action":"POST_CREATED","actor":{"account":"393fdb87-9a32-4d38-9f77-712dcb5fd53e","organisation":"c1af3d27-ccde-492c-b220-a121a4ad83d7"},"at":"2026-11-30T02:42:44.561068Z","client":null,"digest":"sha256:ec4626d898a2cb53d708317ffe410aa1fc17cb265c0f12b9dcbb4b70674ebfd5","format":1,"id":"e0ce742f-da49-427d-a23d-50fe1030aaf5","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"posts/c1f850c7-6cd6-4ba7-841f-6965b9b09461"}'),
	('992dfb3f-1e2c-4844-9c96-dad94141e72c', 38, '2026-11-30 02:42:44.560769+00', '393fdb87-9a32-4d38-9f77-712dcb5fd53e', 'c1af3d27-ccde-492c-b220-a121a4ad83d7', 'THREAD_OPENED', 'threads/0f864894-0938-4030-a1e3-6427e3e466a0', '6dd2fa73-9003-489e-bef1-ef04e37d48e5', NULL, '25fb20575d18480f6b48d4a142d0eb77a45405a8617b977fd340335833fad759', '{"action":"THREAD_OPENED","actor":{"account":"393fdb87-9a32-4d38-9f77-712dcb5fd53e","organisation":"c1af3d27-ccde-492c-b220-a121a4ad83d7"},"at":"2026-11-30T02:42:44.560769Z","client":null,"digest":"sha256:25fb20575d18480f6b48d4a142d0eb77a45405a8617b977fd340335833fad759","format":1,"id":"992dfb3f-1e2c-4844-9c96-dad94141e72c","requestId":"6dd2fa73-9003-489e-bef1-ef04e37d48e5","resource":"threads/0f864894-0938-4030-a1e3-6427e3e466a0"}'),
	('b750457b-4f6d-4c8f-817f-bf890c502d6e', 39, '2026-11-30 02:43:33.128043+00', '546c3af8-e9a6-4ccd-bd94-8854bd9f0657', '3b2942ea-6a0a-4d65-bb37-7be6a9262a54', 'SIGN_IN', 'tokens/77e42e4b-f47f-48b4-83a9-1a498f2aaf54', 'ee86a1e2-7f0e-42a3-bf52-67407ea63348', '127.0.0.1', NULL, '{"action":"SIGN_IN","actor":{"account":"546c3af8-e9a6-4ccd-bd94-8854bd9f0657","organisation":"3b2942ea-6a0a-4d65-bb37-7be6a9262a54"},"at":"2026-11-30T02:43:33.128043Z","client":"127.0.0.1","digest":null,"format":1,"id":"b750457b-4f6d-4c8f-817f-bf890c502d6e","requestId":"ee86a1e2-7f0e-42a3-bf52-67407ea63348","resource":"tokens/77e42e4b-f47f-48b4-83a9-1a498f2aaf54"}'),
	('e62129fd-a378-4670-a5b6-1d5092551c2a', 40, '2026-11-30 02:43:35.348673+00', '546c3af8-e9a6-4ccd-bd94-8854bd9f0657', '3b2942ea-6a0a-4d65-bb37-7be6a9262a54', 'THREAD_OPENED', 'threads/18058e70-86d7-4652-b155-00c551080edb', '43396d4d-4921-41ac-bd9b-3b8aee551cab', '127.0.0.1', '9949f528c943585f3b1a8f1052a7ca084a42d6b9ef802561362082c770d9e2e9', '{"action":"THREAD_OPENED","actor":{"account":"546c3af8-e9a6-4ccd-bd94-8854bd9f0657","organisation":"3b2942ea-6a0a-4d65-bb37-7be6a9262a54"},"at":"2026-11-30T02:43:35.348673Z","client":"127.0.0.1","digest":"sha256:9949f528c943585f3b1a8f1052a7ca084a42d6b9ef802561362082c770d9e2e9","format":1,"id":"e62129fd-a378-4670-a5b6-1d5092551c2a","requestId":"43396d4d-4921-41ac-bd9b-3b8aee551cab","resource":"threads/18058e70-86d7-4652-b155-00c551080edb"}'),
	('2df9de80-81ee-4051-8659-68fe3765fb8f', 41, '2026-11-30 02:43:35.348927+00', '546c3af8-e9a6-4ccd-bd94-8854bd9f0657', '3b2942ea-6a0a-4d65-bb37-7be6a9262a54', 'POST_CREATED', 'posts/54348e26-5638-4240-bd01-7cf79736e59d', '43396d4d-4921-41ac-bd9b-3b8aee551cab', '127.0.0.1', '7591849b4c3d3773f9adc7cc1a2b3db43b5b2f96933834b8f3e67a38b8968270', '{"action":"POST_CREATED","actor":{"account":"546c3af8-e9a6-4ccd-bd94-8854bd9f0657","organisation":"3b2942ea-6a0a-4d65-bb37-7be6a9262a54"},"at":"2026-11-30T02:43:35.348927Z","client":"127.0.0.1","digest":"sha256:7591849b4c3d3773f9adc7cc1a2b3db43b5b2f96933834b8f3e67a38b8968270","format":1,"id":"2df9de80-81ee-4051-8659-68fe3765fb8f","requestId":"43396d4d-4921-41ac-bd9b-3b8aee551cab","resource":"posts/54348e26-5638-4240-bd01-7cf79736e59d"}');


--
-- Data for Name: audit_pending; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: cosignature; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: credential; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.credential VALUES
	('77e42e4b-f47f-48b4-83a9-1a498f2aaf54', '546c3af8-e9a6-4ccd-bd94-8854bd9f0657', 'TOKEN', NULL, 'f5c2cfb2fb3bce850021b2b56c02fefb60f8dd3baac2316c0b14ebf1031a60f0', NULL, '2026-11-30 02:43:32.17741+00', '2026-12-30 02:43:32.17741+00', '2026-11-30 02:43:34.137082+00', NULL, 1);


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.flyway_schema_history VALUES
	(1, '1', 'foundation', 'SQL', 'V1__foundation.sql', -924301380, 'postgres', '2026-11-30 02:42:38.277346', 84, true),
	(2, '2', 'ledger', 'SQL', 'V2__ledger.sql', -73248179, 'postgres', '2026-11-30 02:42:38.441818', 63, true),
	(3, '3', 'cosignatures', 'SQL', 'V3__cosignatures.sql', 1760275822, 'postgres', '2026-11-30 02:42:38.531114', 43, true),
	(4, '4', 'retention', 'SQL', 'V4__retention.sql', 1206536640, 'postgres', '2026-11-30 02:42:38.617975', 28, true),
	(5, '5', 'ledger speed', 'SQL', 'V5__ledger_speed.sql', -1145723560, 'postgres', '2026-11-30 02:42:38.6705', 5, true),
	(6, '6', 'forums', 'SQL', 'V6__forums.sql', -1818690114, 'postgres', '2026-11-30 02:42:38.687366', 67, true),
	(7, '7', 'search recent', 'SQL', 'V7__search_recent.sql', -691596948, 'postgres', '2026-11-30 02:42:38.776648', 6, true);


--
-- Data for Name: forum_post; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.forum_post VALUES
	('21711184-fab7-43e4-858c-cd3f25d9feb7', 'ae4c51ab-21dc-409b-b665-b82999e4d762', '6b04b48a-160b-4d2a-8a48-50b47150e860', '546c3af8-e9a6-4ccd-bd94-8854bd9f0657', '**Affected:** RAN controller firmware 4.2.0 to 4.2.3. **Fixed in:** 4.2.4.

A peer that offers only TLS 1.2 with CBC suites can make the management
interface fall back from TLS 1.3. No key material is exposed; sessions lose
forward secrecy.

| firmware | status |
| --- | --- |
| 4.2.0 to 4.2.3 | affected |
| 4.2.4 | fixed |

Mitigation until you upgrade: restrict the management VLAN, see
https://nordlicht.example/advisories/NL-2026-014.
', '<p><strong>Affected:</strong> RAN controller firmware 4.2.0 to 4.2.3. <strong>Fixed in:</strong> 4.2.4.</p>
<p>A peer that offers only TLS 1.2 with CBC suites can make the management
interface fall back from TLS 1.3. No key material is exposed; sessions lose
forward secrecy.</p>
<table><thead><tr><th>firmware</th><th>status</th></tr></thead><tbody><tr><td>4.2.0 to 4.2.3</td><td>affected</td></tr><tr><td>4.2.4</td><td>fixed</td></tr></tbody></table>
<p>Mitigation until you upgrade: restrict the management VLAN, see
<a href="https://nordlicht.example/advisories/NL-2026-014" rel="nofollow noopener">https://nordlicht.example/advisories/NL-2026-014</a>.</p>
', '56d92fdcbb0759b3d0a7bc04547769a18a151d40a0a09006171a8c88ad49e183', 1, '2026-11-30 02:42:44.390335+00', NULL, NULL, NULL, NULL, NULL, 1, DEFAULT),
	('a14cf751-51a4-464e-952f-1c7ea97a7ead', 'ae4c51ab-21dc-409b-b665-b82999e4d762', '6b04b48a-160b-4d2a-8a48-50b47150e860', '73261cad-bf3d-4134-af42-65df931df811', 'We run 4.2.2 on 340 sites. Is the fix in 4.2.4 safe to roll out without a maintenance window? @vera.vendor', '<p>We run 4.2.2 on 340 sites. Is the fix in 4.2.4 safe to roll out without a maintenance window? &#64;vera.vendor</p>
', 'e70569023193ca9abb07773e0c327dc71b36e9c61ef63fd05c92cb874e0315fa', 1, '2026-11-30 02:42:44.487247+00', NULL, NULL, NULL, NULL, NULL, 1, DEFAULT),
	('f5e75101-c8d4-4c16-bb04-2e59510836a3', 'ae4c51ab-21dc-409b-b665-b82999e4d762', '6b04b48a-160b-4d2a-8a48-50b47150e860', '546c3af8-e9a6-4ccd-bd94-8854bd9f0657', 'Yes: 4.2.4 reloads the management plane only; traffic is not interrupted.', '<p>Yes: 4.2.4 reloads the management plane only; traffic is not interrupted.</p>
', '34aee1d3b37cd332e5feda7edc5acc867d73103ecf1eb9a04add23aef72fadce', 1, '2026-11-30 02:42:44.526758+00', NULL, NULL, NULL, NULL, NULL, 1, DEFAULT),
	('3fa84adf-5820-47b1-8357-158be0d85029', 'ae4c51ab-21dc-409b-b665-b82999e4d762', '6b04b48a-160b-4d2a-8a48-50b47150e860', 'd0942efc-44e3-4813-b31b-e7dfa4fd3a31', 'The authority expects every carrier to report its upgrade status by **15 January**. Please reply here when done.', '<p>The authority expects every carrier to report its upgrade status by <strong>15 January</strong>. Please reply here when done.</p>
', 'cfe510b39755152d61cee20eae7749487baab75deb32af93c887bd7e10cf6cc7', 1, '2026-11-30 02:42:44.546745+00', NULL, NULL, NULL, NULL, NULL, 1, DEFAULT),
	('c1f850c7-6cd6-4ba7-841f-6965b9b09461', '0f864894-0938-4030-a1e3-6427e3e466a0', 'dfe797b0-1516-42f1-a341-828571278936', '393fdb87-9a32-4d38-9f77-712dcb5fd53e', 'Our NOC logged TLS 1.2 sessions on the management interface in October. @bianca.baltic did Baltic Mobile see the downgrade too?', '<p>Our NOC logged TLS 1.2 sessions on the management interface in October. &#64;bianca.baltic did Baltic Mobile see the downgrade too?</p>
', 'ec4626d898a2cb53d708317ffe410aa1fc17cb265c0f12b9dcbb4b70674ebfd5', 1, '2026-11-30 02:42:44.560432+00', NULL, NULL, NULL, NULL, NULL, 1, DEFAULT),
	('54348e26-5638-4240-bd01-7cf79736e59d', '18058e70-86d7-4652-b155-00c551080edb', '6b04b48a-160b-4d2a-8a48-50b47150e860', '546c3af8-e9a6-4ccd-bd94-8854bd9f0657', 'Kept across **upgrades**.', '<p>Kept across <strong>upgrades</strong>.</p>
', '7591849b4c3d3773f9adc7cc1a2b3db43b5b2f96933834b8f3e67a38b8968270', 1, '2026-11-30 02:43:35.34832+00', NULL, NULL, NULL, NULL, NULL, 1, DEFAULT);


--
-- Data for Name: forum_thread; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.forum_thread VALUES
	('ae4c51ab-21dc-409b-b665-b82999e4d762', '6b04b48a-160b-4d2a-8a48-50b47150e860', 'NL-2026-014: TLS downgrade in RAN controller firmware 4.2', '546c3af8-e9a6-4ccd-bd94-8854bd9f0657', '2026-11-30 02:42:44.390335+00', '2026-11-30 02:42:44.546745+00', 4, false, false, NULL, 1, DEFAULT),
	('0f864894-0938-4030-a1e3-6427e3e466a0', 'dfe797b0-1516-42f1-a341-828571278936', 'Downgrade seen before the advisory?', '393fdb87-9a32-4d38-9f77-712dcb5fd53e', '2026-11-30 02:42:44.560432+00', '2026-11-30 02:42:44.560432+00', 1, false, false, NULL, 1, DEFAULT),
	('18058e70-86d7-4652-b155-00c551080edb', '6b04b48a-160b-4d2a-8a48-50b47150e860', 'Written by an older build', '546c3af8-e9a6-4ccd-bd94-8854bd9f0657', '2026-11-30 02:43:35.34832+00', '2026-11-30 02:43:35.34832+00', 1, false, false, NULL, 1, DEFAULT);


--
-- Data for Name: ledger_checkpoint; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.ledger_checkpoint VALUES
	(38, '\x028643fd94e5b7c09456dc992a049051a22dd70acaec782c12063ba1a1cb0d0c', 'vm/clearroom
38
AoZD/ZTlt8CUVtyZKgSQUaIt1wrK7HgsEgY7oaHLDQw=

— vm/clearroom I8/QZQlvtrZMXBoRbnU9/6k7m3JjLbIJhpANoFFJ7jQ+52DYoRrhVBNVNXT2faMmDbuY33WNe7DJbIpWY0UA5pCVAwU=
', '2026-11-30 02:42:45.072718+00'),
	(39, '\xbb824455648e25b15bc465fd8b1024ebdc181a2d191f0442d7d0e356f386729c', 'vm/clearroom
39
u4JEVWSOJbFbxGX9ixAk69wYGi0ZHwRC19DjVvOGcpw=

— vm/clearroom I8/QZWMRCrTJJxRZbU+T3OfPpJ22sX0JgTxsrzB8qQqXU55JZmKcObYQ+MrPYWBMP568kyWocJxSWx5yalZ14OFXHwo=
', '2026-11-30 02:43:33.590912+00'),
	(41, '\x2c6514b2fcc7ae49835dc5ad572906d0421d7bbc4d8d48309f1a58dd5385ad74', 'vm/clearroom
41
LGUUsvzHrkmDXcWtVykG0EIde7xNjUgwnxpY3VOFrXQ=

— vm/clearroom I8/QZZnHSWVYhFiWfssDzsggLojR+qVwviY+siRB+jjO0mI7FMXVfKBpBwG2VqjtaGzqjdCFiQV/0AXEDqNIaXmxfQw=
', '2026-11-30 02:43:35.505078+00');


--
-- Data for Name: ledger_leaf; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.ledger_leaf VALUES
	(0, '14eb0f75-9941-41c8-a01a-e3805d7f8af5', '\x1445d3e76b8580ba785b0e35bec75d6f7365e9522fa7b193c3be868d1ea54afb'),
	(1, '6bbf9803-4759-46ef-9e46-67065f0b3db1', '\xa83e44536ba4e25c326dc24d1b5bc4e70ce9ecfcd6eb3a0b18da3ebb5f7b0182'),
	(2, 'b1a297ff-200e-446e-a86d-4c02c93b36a9', '\xac5624467570f4e40ec9c1eebe0c1926e444d48b1b61eb9e5a2b3782788166f0'),
	(3, 'c7078d8d-35d4-4ed0-be03-bc1daf4cdd66', '\x8ba9ce9c5486891637787cfadea6ebf3f65c92637cf02264dc866f3173711f41'),
	(4, 'e9b4227e-07c0-452f-a6e4-01b9d7ecd469', '\x83ee1e4aafe40781d4ad6cb3352d2f419659861304f9bc053517db12976590bb'),
	(5, '354c542b-823a-4498-a00e-db5016d850d0', '\x89a40b495a2e9f88440714d43936fe4acb8178af674051b2c3c3f15393557939'),
	(6, '4d4d288f-ab24-4ecf-a988-5f7f12093b8e', '\xd9507a80e6c4a2502a69a4f35135f63d8d82e08fa1c2175f355751226e252490'),
	(7, 'eabb2587-bb75-4055-897d-2ed171877e57', '\x07eae13894a40a6dc1cfdf0a7523e8a4aa4c5f1dbc152dba926d607c25db0e1e'),
	(8, '3532ee62-72f3-4ebb-b0ac-85e7329c250f', '\xd91b95f80ca91cfdd441de7e480e674d19bf2dd7851357d05efd6cb16cc37b0c'),
	(9, '3e09a9eb-1d71-49f1-9371-4af15dd130e8', '\x0e6279ef7ec6a2f8b6a5add0fc0cda56a5080fc66ba678538c92a558f5e48df3'),
	(10, '05e4f649-c9e0-4bfc-b6f3-8ddeba93662b', '\x953a6a3eaf7b69cba5ecc0821b0922eb5e63c591584e56c8f05a8edc4d9cc2d9'),
	(11, 'ccd150b2-cd8b-4c40-8018-8e59031a7113', '\xf931149c3182c3986454c0ec278bd929c809c8a551d196c56687fc4e9ec9b641'),
	(12, '7f4d6576-8005-4321-8ad8-cd0f7fe201c0', '\xdd80e6e028ee2b645c43eb5862aa45df3d7955b67ff47bc9b8b5b280ad33b86b'),
	(13, '126a0919-63c3-4b84-85e5-90b803556556', '\x0a70e52e0ec2c708c304e045e33a8f949bae9e83118fe8a164c3278dceb70b78'),
	(14, '87414ecc-0c64-4a56-ae76-02e6981bbdaf', '\x848d60068f65438530f46be999419fda7a64612de67e63583b381cba8b0aa3bf'),
	(15, '108e5ab0-6bef-416a-9499-5475d2af0d8d', '\x8fefc297fc7d2f8b433aa2fda689b6307b5f03a28d5d3cf5acfcc16c611c8416'),
	(16, 'f2ee0abe-ab3a-4f81-b27e-afa4ffc6efc6', '\x9e7f2feeca7304f1dbc67340d632ad0905d19c6177bc464299aa3a9255fa7806'),
	(17, '18a3e2e5-1621-45a2-8504-ea665944aabd', '\x0227efa983e673cd36de8e3d862426c18cb46b74cfe00e31e09d83eb5bee6ea8'),
	(18, '449cd54e-2a4c-40b4-ac19-0a4d7f4a0102', '\x3fca79f2b012aa97f20053b28f058c637cf4a9a3c9a440417f9111a1ff21c465'),
	(19, 'c6a19788-0c7c-4fa9-a5ef-5c20ea3c025d', '\x03e0e59976a5945d5504287b801fdfbe477ba3fc7f9bf779e26b9c1d71ce7f43'),
	(20, 'b9f29005-4662-4622-8836-6df673c7ca3f', '\x10073415fc6e93ef91993daad19b5cace7f14770281e8450bb70c03213d2f3d6'),
	(21, '85317f16-53d9-4329-8554-25586c564201', '\x882cce85207a00a56c3fa2ea25769da3312fcd5591b5ce9e6675b28239868810'),
	(22, 'f121f39f-7389-438d-88dc-4c0f1dd02982', '\x794a1e036bcc13046934147b203cacb4199f1050f3a481cdd33fa8d34990e4e1'),
	(23, 'ce313cf7-e312-4710-8f85-7327d543d1c1', '\x31e6575d2e1cd1f9324b56c58a1d9d3237c62f4b38cad4f07e64f54a08e8db09'),
	(24, 'a8705ad0-9c2f-4058-9612-4b4be77cc35b', '\x820ba45d7880fefc7b90786060617ced446e50e6030a19d266abb210e3279ec8'),
	(25, 'a7bf60ed-f869-4039-b093-e371114a532c', '\x0317e866b58e15363413db3faa2d020c3216356026ad7969c3b4674953ede337'),
	(26, 'dcd1a368-bc90-4083-a027-75c9d9e263cd', '\x7ab82f6c5bfe82a9b3202b51c0b9dd1a4af9a40056bfc3356042693daf9a2b87'),
	(27, 'baf17475-1a48-4e76-b6f5-cce08047ba8d', '\x3976be611abc8bf0d61539a575fbdb0b42ed72f3f6e5f552363ba0ee3d34283b'),
	(28, 'ec2e62af-45ad-4eee-8806-b705e62fd966', '\xbc7400e3105cf12f490237587797d219e64bf311287c73e2c6a3ffcf03f3fe53'),
	(29, '5bca6842-2c18-4f21-8afc-c384e0ec4be0', '\xb6f9e8f98433614128d9d0b5b141aca2cbaff5acedfca477266769896d3973bf'),
	(30, '82622217-671b-4b4e-8576-a841d00e541b', '\x2cdbe616509d79dc6356980ed02f605df92ef516db6fb878611071fbffbaadef'),
	(31, 'd46d63a3-399c-4d4c-bce1-e76ee96c44b6', '\x00b93c0b83c6099527064732074a8da007ded995ea7539fbb8b350c98ff34763'),
	(32, 'c8e74352-8cf3-4905-ba21-048ba8228e36', '\xf26e22abf64eb9f91fc594b66972d5e01c977aef0a20ac9900976cc86e0764ac'),
	(33, 'ee22a30b-d45e-429b-9842-1fc2c747cafe', '\x189a4ff1f4f8788c39f6935cff9d2cc647fa3314e45be14a8c94548a261b40f8'),
	(34, '9e24d6b1-8a1e-4fff-92f4-a02a773eb648', '\xf859f225630a45774869be6dda2d6ecee9bcd1a1656f224c041f42d5d45c1f6b'),
	(35, '33514e0e-9806-4315-b511-d5614546174b', '\x0781b9934fd8d07d94a515ab50313f8b6273e52806b69975481e7fc1f8956403'),
	(36, 'e0ce742f-da49-427d-a23d-50fe1030aaf5', '\xde4a2ca25a31b3b17600010e97585417b48da370d43fc07c80a84c3e0bcd421b'),
	(37, '992dfb3f-1e2c-4844-9c96-dad94141e72c', '\x2ea2f52cb90225b78b2c1a8ede6654ebe5585fcf33bd917b37b71debf7e16ae4'),
	(38, 'b750457b-4f6d-4c8f-817f-bf890c502d6e', '\x82a09a48c66b8bdd102b2cda3852085106b0743eacf4703e0f89742141aa7ae7'),
	(39, 'e62129fd-a378-4670-a5b6-1d5092551c2a', '\xdd167934d50be189379c7e3b1fe0a0ee02ea97cb3646803e277815f7015be386'),
	(40, '2df9de80-81ee-4051-8659-68fe3765fb8f', '\x83ac5d5cf1c405d25573e85d86715800a21ecc1302b4d3683a252550a0bf9b24');


--
-- Data for Name: ledger_node; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.ledger_node VALUES
	(0, 0, '\x1445d3e76b8580ba785b0e35bec75d6f7365e9522fa7b193c3be868d1ea54afb'),
	(0, 1, '\xa83e44536ba4e25c326dc24d1b5bc4e70ce9ecfcd6eb3a0b18da3ebb5f7b0182'),
	(1, 0, '\x3984f4700e1b66eb98b68cc83f05fdf6d1b0fa5c72804bd408049ba72ef92999'),
	(0, 2, '\xac5624467570f4e40ec9c1eebe0c1926e444d48b1b61eb9e5a2b3782788166f0'),
	(0, 3, '\x8ba9ce9c5486891637787cfadea6ebf3f65c92637cf02264dc866f3173711f41'),
	(1, 1, '\x63944cc5c473db4596a0ab9267ac10ff6edbc6e6f7ba09a7022f2900238335dd'),
	(2, 0, '\x023cb0f3f40453fc98f4e3c94e18f32e0a4575c5d954fa80c4c0f32b6d7919ec'),
	(0, 4, '\x83ee1e4aafe40781d4ad6cb3352d2f419659861304f9bc053517db12976590bb'),
	(0, 5, '\x89a40b495a2e9f88440714d43936fe4acb8178af674051b2c3c3f15393557939'),
	(1, 2, '\xed78774569580cfad6e476e6f78905e6101fc8f622976106ba7e67c5beb056cb'),
	(0, 6, '\xd9507a80e6c4a2502a69a4f35135f63d8d82e08fa1c2175f355751226e252490'),
	(0, 7, '\x07eae13894a40a6dc1cfdf0a7523e8a4aa4c5f1dbc152dba926d607c25db0e1e'),
	(1, 3, '\x7049980cce39bc34e699063257d9c61fbbb0d633c17d05f508ecbb71d591aa77'),
	(2, 1, '\xc4f5045feb20e47bbf93b5ba2c47cbb24471beb30fa85a1585859869a5c95ff6'),
	(3, 0, '\x8475da53a1ad2419389acaf3a332edf78ea6888f346babab49530917cc5e6fd4'),
	(0, 8, '\xd91b95f80ca91cfdd441de7e480e674d19bf2dd7851357d05efd6cb16cc37b0c'),
	(0, 9, '\x0e6279ef7ec6a2f8b6a5add0fc0cda56a5080fc66ba678538c92a558f5e48df3'),
	(1, 4, '\x8a85d8d0dfb79e99dca2f1e811f6bdb8f2e00d2828f5607358b5e3985c22ecfe'),
	(0, 10, '\x953a6a3eaf7b69cba5ecc0821b0922eb5e63c591584e56c8f05a8edc4d9cc2d9'),
	(0, 11, '\xf931149c3182c3986454c0ec278bd929c809c8a551d196c56687fc4e9ec9b641'),
	(1, 5, '\x55630ca81a65619c73eb0fbd29c5ed7af56c96bbad54d283c503c55dce5deccc'),
	(2, 2, '\x0a877185b16271949ec133d297e7e0eef9cc2cb50f02ef6ed1603df48f68fb7e'),
	(0, 12, '\xdd80e6e028ee2b645c43eb5862aa45df3d7955b67ff47bc9b8b5b280ad33b86b'),
	(0, 13, '\x0a70e52e0ec2c708c304e045e33a8f949bae9e83118fe8a164c3278dceb70b78'),
	(1, 6, '\xb99e3aa83d392b1fc0164e5e2667468f4de13de161716a8b26dc5f11931b8a39'),
	(0, 14, '\x848d60068f65438530f46be999419fda7a64612de67e63583b381cba8b0aa3bf'),
	(0, 15, '\x8fefc297fc7d2f8b433aa2fda689b6307b5f03a28d5d3cf5acfcc16c611c8416'),
	(1, 7, '\x8c4639830a66ec38e8c8969d841d85ddfd8fdbe8c147967dd96245838cc46c15'),
	(2, 3, '\x7b96b930dbef0f0df1cf2014f9bde19fe4630879e61b4981751fb6182a38623a'),
	(3, 1, '\x286a38fa05dbf999f6c5f4e5e1b714cb2ae8a44f38a50b991c95e6f25c83b8f8'),
	(4, 0, '\x7b3add660bacb19777caad049a5b40cba4f0bb73b40ab542e16e72c462063a68'),
	(0, 16, '\x9e7f2feeca7304f1dbc67340d632ad0905d19c6177bc464299aa3a9255fa7806'),
	(0, 17, '\x0227efa983e673cd36de8e3d862426c18cb46b74cfe00e31e09d83eb5bee6ea8'),
	(1, 8, '\x970e5b059ce461a1176a3adcd33d764b40987e60547b09dec765871242f0225d'),
	(0, 18, '\x3fca79f2b012aa97f20053b28f058c637cf4a9a3c9a440417f9111a1ff21c465'),
	(0, 19, '\x03e0e59976a5945d5504287b801fdfbe477ba3fc7f9bf779e26b9c1d71ce7f43'),
	(1, 9, '\x36c81a61638eb605900c0a5afc8bc944268134c2795828e4c6e180f85ca8dcd1'),
	(2, 4, '\xd328a1848dc751d2fbf5b206eeac2255795fadd6ad4f244322bd14635b8d4d5b'),
	(0, 20, '\x10073415fc6e93ef91993daad19b5cace7f14770281e8450bb70c03213d2f3d6'),
	(0, 21, '\x882cce85207a00a56c3fa2ea25769da3312fcd5591b5ce9e6675b28239868810'),
	(1, 10, '\x395bb1139aebf59cb87aad16aebcac73c4ef153a8338fe00babe3fcd743b4e75'),
	(0, 22, '\x794a1e036bcc13046934147b203cacb4199f1050f3a481cdd33fa8d34990e4e1'),
	(0, 23, '\x31e6575d2e1cd1f9324b56c58a1d9d3237c62f4b38cad4f07e64f54a08e8db09'),
	(1, 11, '\xf21322e5514ed5ac2dd642758f8fc8e7f57467971c27d259c3481611bfce2d7d'),
	(2, 5, '\xcc0db1402a6a72e734a0dd63e956d392fd98712afe742522fb4f33cae542e0f2'),
	(3, 2, '\x5d314fd284fd8837f38037ccbaec148c6e2aae29131c9025a45dcca9f1197103'),
	(0, 24, '\x820ba45d7880fefc7b90786060617ced446e50e6030a19d266abb210e3279ec8'),
	(0, 25, '\x0317e866b58e15363413db3faa2d020c3216356026ad7969c3b4674953ede337'),
	(1, 12, '\x60491be31b3455cda26b1e5b0bf201c150fe29835ec759708d87bc1a6195f32f'),
	(0, 26, '\x7ab82f6c5bfe82a9b3202b51c0b9dd1a4af9a40056bfc3356042693daf9a2b87'),
	(0, 27, '\x3976be611abc8bf0d61539a575fbdb0b42ed72f3f6e5f552363ba0ee3d34283b'),
	(1, 13, '\x6bdfc29db1954b55d86215266d60ca941bd0b192fc846c745fca0181ef2891a7'),
	(2, 6, '\x5265fb8c946b102726c946544ddcd78a8de5328ecc94b9e4ce3c188724f01bb2'),
	(0, 28, '\xbc7400e3105cf12f490237587797d219e64bf311287c73e2c6a3ffcf03f3fe53'),
	(0, 29, '\xb6f9e8f98433614128d9d0b5b141aca2cbaff5acedfca477266769896d3973bf'),
	(1, 14, '\xc6c308d1b20ef4fc45d4d01cfa588aaf1fed8abfb27a7af5e0aba277ffb82de6'),
	(0, 30, '\x2cdbe616509d79dc6356980ed02f605df92ef516db6fb878611071fbffbaadef'),
	(0, 31, '\x00b93c0b83c6099527064732074a8da007ded995ea7539fbb8b350c98ff34763'),
	(1, 15, '\x348a6e5a6dfc333871784c523984b6b83af9c3cc948a65d092d747aa6913a2ef'),
	(2, 7, '\x0e30b218fd8f7f0fbb0cf1df9bd6a1a993871501b2d2b247f282e33ac00051fb'),
	(3, 3, '\x79b07fa986dd30ba5fa30d4dd569e58a8593492d56e4c7e6d8e3a6508f58a737'),
	(4, 1, '\xb972f82b96e5c9947d1ff8213ef92c7a6fb7685367c26e2093d1780e815832aa'),
	(5, 0, '\x848b4b841e24760de44f261980ab68766e936d7a51b928c5cadc710b67f16c11'),
	(0, 32, '\xf26e22abf64eb9f91fc594b66972d5e01c977aef0a20ac9900976cc86e0764ac'),
	(0, 33, '\x189a4ff1f4f8788c39f6935cff9d2cc647fa3314e45be14a8c94548a261b40f8'),
	(1, 16, '\x085cd0367c80ee6a050d3e90b82e845fb25180508e8ab227b51f9067cb1cc5f5'),
	(0, 34, '\xf859f225630a45774869be6dda2d6ecee9bcd1a1656f224c041f42d5d45c1f6b'),
	(0, 35, '\x0781b9934fd8d07d94a515ab50313f8b6273e52806b69975481e7fc1f8956403'),
	(1, 17, '\x4c6bf54449260ae2adba03f42adaa51cfad1b52e8162be4cf8e967fd83470e58'),
	(2, 8, '\x7b3a51dd1a57d8177bdcb29d1b6886b3664716171446e51bc4b2634e3e7fb812'),
	(0, 36, '\xde4a2ca25a31b3b17600010e97585417b48da370d43fc07c80a84c3e0bcd421b'),
	(0, 37, '\x2ea2f52cb90225b78b2c1a8ede6654ebe5585fcf33bd917b37b71debf7e16ae4'),
	(1, 18, '\x8bd83cefce0cd7375b0eaf511e18e80bc9dada99c80f288932e8e072afd4dc24'),
	(0, 38, '\x82a09a48c66b8bdd102b2cda3852085106b0743eacf4703e0f89742141aa7ae7'),
	(0, 39, '\xdd167934d50be189379c7e3b1fe0a0ee02ea97cb3646803e277815f7015be386'),
	(1, 19, '\x907baeb1e66564bc34c8d00bf70f667ad432952acd0467b2b95eceef48d1b500'),
	(2, 9, '\x9c529ee1f39858958fca5e01015cf1c50456fe75d8a8a9f62eafb32d73c46a2d'),
	(3, 4, '\x4377bf5303857c6b266365ca0e1a9e5322e7259b1b147f280ae2c0b4afce57da'),
	(0, 40, '\x83ac5d5cf1c405d25573e85d86715800a21ecc1302b4d3683a252550a0bf9b24');


--
-- Data for Name: login_failure; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: moderation_event; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: notification; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.notification VALUES
	('c406c9e2-5890-4fa9-89e1-abd2e0268d43', '546c3af8-e9a6-4ccd-bd94-8854bd9f0657', 'MENTION', '6b04b48a-160b-4d2a-8a48-50b47150e860', 'ae4c51ab-21dc-409b-b665-b82999e4d762', 'a14cf751-51a4-464e-952f-1c7ea97a7ead', '73261cad-bf3d-4134-af42-65df931df811', '2026-11-30 02:42:44.686743+00', NULL),
	('eee59f98-e83a-4ebe-911e-762e1a36fc9e', '546c3af8-e9a6-4ccd-bd94-8854bd9f0657', 'REPLY', '6b04b48a-160b-4d2a-8a48-50b47150e860', 'ae4c51ab-21dc-409b-b665-b82999e4d762', '3fa84adf-5820-47b1-8357-158be0d85029', 'd0942efc-44e3-4813-b31b-e7dfa4fd3a31', '2026-11-30 02:42:44.718309+00', NULL),
	('b5d8dbf1-68ac-4f26-ada0-bec1d5cb2e7f', '10077a4f-ce1f-44be-a231-de306f2b2027', 'MENTION', 'dfe797b0-1516-42f1-a341-828571278936', '0f864894-0938-4030-a1e3-6427e3e466a0', 'c1f850c7-6cd6-4ba7-841f-6965b9b09461', '393fdb87-9a32-4d38-9f77-712dcb5fd53e', '2026-11-30 02:42:44.728099+00', NULL);


--
-- Data for Name: organisation; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.organisation VALUES
	('3b2942ea-6a0a-4d65-bb37-7be6a9262a54', 'Nordlicht Networks', 'VENDOR', '2026-11-30 02:42:39.120135+00', 1),
	('c1af3d27-ccde-492c-b220-a121a4ad83d7', 'Fjordtel', 'CARRIER', '2026-11-30 02:42:39.18428+00', 1),
	('700b9f57-392c-411a-bfe7-bed69aeea3c5', 'Baltic Mobile', 'CARRIER', '2026-11-30 02:42:39.201407+00', 1),
	('bf74ada2-a3a3-43d5-964e-8b89391afcb9', 'Telecom Security Authority', 'REGULATOR', '2026-11-30 02:42:39.212777+00', 1),
	('1dd852db-fea8-4a55-be13-c6204f453b5d', 'Clearroom Operations', 'OBSERVER', '2026-11-30 02:42:39.215782+00', 1);


--
-- Data for Name: post_flag; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: post_reaction; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: post_revision; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: read_receipt; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: room; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.room VALUES
	('6b04b48a-160b-4d2a-8a48-50b47150e860', 'Security advisories', 'FORUM', 'Advisories from Nordlicht Networks, discussed with carriers and the authority.', '2026-11-30 02:42:43.699461+00', 1, NULL, NULL, NULL, NULL),
	('dfe797b0-1516-42f1-a341-828571278936', 'Carrier coordination', 'FORUM', 'Carriers among themselves: what they see in their networks before they tell the vendor.', '2026-11-30 02:42:43.741647+00', 1, NULL, NULL, NULL, NULL),
	('993ec60f-98aa-4296-81c7-572c0815282c', 'Fjordtel evidence locker', 'DOCUMENTS', 'Fjordtel''s test reports and firmware evidence; shared with no other carrier or the authority.', '2026-11-30 02:42:43.735629+00', 1, NULL, NULL, NULL, NULL);


--
-- Data for Name: subscription; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.subscription VALUES
	('546c3af8-e9a6-4ccd-bd94-8854bd9f0657', 'threads/ae4c51ab-21dc-409b-b665-b82999e4d762', '2026-11-30 02:42:44.390335+00'),
	('393fdb87-9a32-4d38-9f77-712dcb5fd53e', 'threads/0f864894-0938-4030-a1e3-6427e3e466a0', '2026-11-30 02:42:44.560433+00'),
	('546c3af8-e9a6-4ccd-bd94-8854bd9f0657', 'threads/18058e70-86d7-4652-b155-00c551080edb', '2026-11-30 02:43:35.34832+00');


--
-- Data for Name: thread_read; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.thread_read VALUES
	('73261cad-bf3d-4134-af42-65df931df811', 'ae4c51ab-21dc-409b-b665-b82999e4d762', '2026-11-30 02:42:44.487247+00'),
	('546c3af8-e9a6-4ccd-bd94-8854bd9f0657', 'ae4c51ab-21dc-409b-b665-b82999e4d762', '2026-11-30 02:42:44.526759+00'),
	('d0942efc-44e3-4813-b31b-e7dfa4fd3a31', 'ae4c51ab-21dc-409b-b665-b82999e4d762', '2026-11-30 02:42:44.546745+00'),
	('393fdb87-9a32-4d38-9f77-712dcb5fd53e', '0f864894-0938-4030-a1e3-6427e3e466a0', '2026-11-30 02:42:44.560433+00'),
	('546c3af8-e9a6-4ccd-bd94-8854bd9f0657', '18058e70-86d7-4652-b155-00c551080edb', '2026-11-30 02:43:35.34832+00');


--
-- Data for Name: witness; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: audit_entry_position_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.audit_entry_position_seq', 41, true);


--
-- Name: login_failure_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.login_failure_id_seq', 1, false);


--
-- Name: access_rule access_rule_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.access_rule
    ADD CONSTRAINT access_rule_pkey PRIMARY KEY (id);


--
-- Name: account account_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account
    ADD CONSTRAINT account_pkey PRIMARY KEY (id);


--
-- Name: account_role account_role_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account_role
    ADD CONSTRAINT account_role_pkey PRIMARY KEY (account_id, role);


--
-- Name: account account_username_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account
    ADD CONSTRAINT account_username_key UNIQUE (username);


--
-- Name: audit_entry audit_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entry
    ADD CONSTRAINT audit_entry_pkey PRIMARY KEY (id);


--
-- Name: audit_entry audit_entry_position_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entry
    ADD CONSTRAINT audit_entry_position_key UNIQUE ("position");


--
-- Name: audit_pending audit_pending_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_pending
    ADD CONSTRAINT audit_pending_pkey PRIMARY KEY (entry_id);


--
-- Name: cosignature cosignature_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cosignature
    ADD CONSTRAINT cosignature_pkey PRIMARY KEY (id);


--
-- Name: cosignature cosignature_witness_id_tree_size_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cosignature
    ADD CONSTRAINT cosignature_witness_id_tree_size_key UNIQUE (witness_id, tree_size);


--
-- Name: credential credential_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credential
    ADD CONSTRAINT credential_pkey PRIMARY KEY (id);


--
-- Name: credential credential_secret_hash_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credential
    ADD CONSTRAINT credential_secret_hash_key UNIQUE (secret_hash);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: forum_post forum_post_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.forum_post
    ADD CONSTRAINT forum_post_pkey PRIMARY KEY (id);


--
-- Name: forum_thread forum_thread_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.forum_thread
    ADD CONSTRAINT forum_thread_pkey PRIMARY KEY (id);


--
-- Name: ledger_checkpoint ledger_checkpoint_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_checkpoint
    ADD CONSTRAINT ledger_checkpoint_pkey PRIMARY KEY (tree_size);


--
-- Name: ledger_leaf ledger_leaf_entry_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_leaf
    ADD CONSTRAINT ledger_leaf_entry_id_key UNIQUE (entry_id);


--
-- Name: ledger_leaf ledger_leaf_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_leaf
    ADD CONSTRAINT ledger_leaf_pkey PRIMARY KEY (idx);


--
-- Name: ledger_node ledger_node_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ledger_node
    ADD CONSTRAINT ledger_node_pkey PRIMARY KEY (level, idx);


--
-- Name: login_failure login_failure_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.login_failure
    ADD CONSTRAINT login_failure_pkey PRIMARY KEY (id);


--
-- Name: moderation_event moderation_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.moderation_event
    ADD CONSTRAINT moderation_event_pkey PRIMARY KEY (id);


--
-- Name: notification notification_account_id_post_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification
    ADD CONSTRAINT notification_account_id_post_id_key UNIQUE (account_id, post_id);


--
-- Name: notification notification_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification
    ADD CONSTRAINT notification_pkey PRIMARY KEY (id);


--
-- Name: organisation organisation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organisation
    ADD CONSTRAINT organisation_pkey PRIMARY KEY (id);


--
-- Name: post_flag post_flag_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_flag
    ADD CONSTRAINT post_flag_pkey PRIMARY KEY (id);


--
-- Name: post_reaction post_reaction_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_reaction
    ADD CONSTRAINT post_reaction_pkey PRIMARY KEY (post_id, account_id, reaction);


--
-- Name: post_revision post_revision_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_revision
    ADD CONSTRAINT post_revision_pkey PRIMARY KEY (post_id, number);


--
-- Name: read_receipt read_receipt_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.read_receipt
    ADD CONSTRAINT read_receipt_pkey PRIMARY KEY (account_id, resource);


--
-- Name: room room_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.room
    ADD CONSTRAINT room_pkey PRIMARY KEY (id);


--
-- Name: subscription subscription_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subscription
    ADD CONSTRAINT subscription_pkey PRIMARY KEY (account_id, target);


--
-- Name: thread_read thread_read_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread_read
    ADD CONSTRAINT thread_read_pkey PRIMARY KEY (account_id, thread_id);


--
-- Name: witness witness_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.witness
    ADD CONSTRAINT witness_pkey PRIMARY KEY (id);


--
-- Name: access_rule_resource; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX access_rule_resource ON public.access_rule USING btree (resource) WHERE (revoked_at IS NULL);


--
-- Name: account_organisation; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX account_organisation ON public.account USING btree (organisation_id);


--
-- Name: audit_entry_actor_account; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_entry_actor_account ON public.audit_entry USING btree (actor_account, recorded_at);


--
-- Name: audit_entry_actor_organisation; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_entry_actor_organisation ON public.audit_entry USING btree (actor_organisation, recorded_at);


--
-- Name: audit_entry_resource; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_entry_resource ON public.audit_entry USING btree (resource, recorded_at);


--
-- Name: audit_pending_position; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_pending_position ON public.audit_pending USING btree ("position");


--
-- Name: cosignature_tree_size; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX cosignature_tree_size ON public.cosignature USING btree (tree_size, accepted_at);


--
-- Name: credential_account; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX credential_account ON public.credential USING btree (account_id);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: forum_post_recent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX forum_post_recent ON public.forum_post USING btree (created_at) WHERE (purged_at IS NULL);


--
-- Name: forum_post_retention; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX forum_post_retention ON public.forum_post USING btree (room_id, created_at) WHERE (purged_at IS NULL);


--
-- Name: forum_post_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX forum_post_search ON public.forum_post USING gin (search);


--
-- Name: forum_post_thread; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX forum_post_thread ON public.forum_post USING btree (thread_id, created_at, id);


--
-- Name: forum_thread_listing; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX forum_thread_listing ON public.forum_thread USING btree (room_id, pinned, last_post_at, id);


--
-- Name: forum_thread_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX forum_thread_search ON public.forum_thread USING gin (search);


--
-- Name: login_failure_recent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX login_failure_recent ON public.login_failure USING btree (username, failed_at);


--
-- Name: moderation_event_room; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX moderation_event_room ON public.moderation_event USING btree (room_id, created_at, id);


--
-- Name: notification_account; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notification_account ON public.notification USING btree (account_id, created_at, id);


--
-- Name: notification_unread; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX notification_unread ON public.notification USING btree (account_id) WHERE (read_at IS NULL);


--
-- Name: organisation_name_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX organisation_name_key ON public.organisation USING btree (lower((name)::text));


--
-- Name: post_flag_open; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX post_flag_open ON public.post_flag USING btree (post_id, reporter) WHERE (outcome IS NULL);


--
-- Name: post_flag_queue; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX post_flag_queue ON public.post_flag USING btree (room_id, created_at, id);


--
-- Name: subscription_target; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX subscription_target ON public.subscription USING btree (target);


--
-- Name: witness_key_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX witness_key_id ON public.witness USING btree (key_id);


--
-- Name: witness_live_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX witness_live_key ON public.witness USING btree (public_key) WHERE ((status)::text <> 'REJECTED'::text);


--
-- Name: witness_live_name; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX witness_live_name ON public.witness USING btree (name) WHERE ((status)::text <> 'REJECTED'::text);


--
-- Name: witness_live_per_organisation; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX witness_live_per_organisation ON public.witness USING btree (organisation_id) WHERE ((status)::text <> 'REJECTED'::text);


--
-- Name: audit_entry audit_entry_enqueue; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_entry_enqueue AFTER INSERT ON public.audit_entry FOR EACH ROW EXECUTE FUNCTION public.audit_entry_enqueue();


--
-- Name: audit_entry audit_entry_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON public.audit_entry FOR EACH STATEMENT EXECUTE FUNCTION public.audit_entry_refuse_change();


--
-- Name: audit_entry audit_entry_no_update_or_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_entry_no_update_or_delete BEFORE DELETE OR UPDATE ON public.audit_entry FOR EACH ROW EXECUTE FUNCTION public.audit_entry_refuse_change();


--
-- Name: cosignature cosignature_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER cosignature_append_only BEFORE DELETE OR UPDATE ON public.cosignature FOR EACH ROW EXECUTE FUNCTION public.ledger_refuse_change();


--
-- Name: cosignature cosignature_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER cosignature_no_truncate BEFORE TRUNCATE ON public.cosignature FOR EACH STATEMENT EXECUTE FUNCTION public.ledger_refuse_change();


--
-- Name: ledger_checkpoint ledger_checkpoint_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_checkpoint_append_only BEFORE DELETE OR UPDATE ON public.ledger_checkpoint FOR EACH ROW EXECUTE FUNCTION public.ledger_refuse_change();


--
-- Name: ledger_checkpoint ledger_checkpoint_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_checkpoint_no_truncate BEFORE TRUNCATE ON public.ledger_checkpoint FOR EACH STATEMENT EXECUTE FUNCTION public.ledger_refuse_change();


--
-- Name: ledger_leaf ledger_leaf_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_leaf_append_only BEFORE DELETE OR UPDATE ON public.ledger_leaf FOR EACH ROW EXECUTE FUNCTION public.ledger_refuse_change();


--
-- Name: ledger_leaf ledger_leaf_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_leaf_no_truncate BEFORE TRUNCATE ON public.ledger_leaf FOR EACH STATEMENT EXECUTE FUNCTION public.ledger_refuse_change();


--
-- Name: ledger_node ledger_node_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_node_append_only BEFORE DELETE OR UPDATE ON public.ledger_node FOR EACH ROW EXECUTE FUNCTION public.ledger_refuse_change();


--
-- Name: ledger_node ledger_node_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER ledger_node_no_truncate BEFORE TRUNCATE ON public.ledger_node FOR EACH STATEMENT EXECUTE FUNCTION public.ledger_refuse_change();


--
-- Name: witness witness_decided_once; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER witness_decided_once BEFORE DELETE OR UPDATE ON public.witness FOR EACH ROW EXECUTE FUNCTION public.witness_guard();


--
-- Name: witness witness_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER witness_no_truncate BEFORE TRUNCATE ON public.witness FOR EACH STATEMENT EXECUTE FUNCTION public.witness_guard();


--
-- Name: account account_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account
    ADD CONSTRAINT account_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: account_role account_role_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account_role
    ADD CONSTRAINT account_role_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id);


--
-- Name: cosignature cosignature_accepted_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cosignature
    ADD CONSTRAINT cosignature_accepted_by_fkey FOREIGN KEY (accepted_by) REFERENCES public.account(id);


--
-- Name: cosignature cosignature_tree_size_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cosignature
    ADD CONSTRAINT cosignature_tree_size_fkey FOREIGN KEY (tree_size) REFERENCES public.ledger_checkpoint(tree_size);


--
-- Name: cosignature cosignature_witness_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cosignature
    ADD CONSTRAINT cosignature_witness_id_fkey FOREIGN KEY (witness_id) REFERENCES public.witness(id);


--
-- Name: credential credential_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credential
    ADD CONSTRAINT credential_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id);


--
-- Name: forum_post forum_post_author_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.forum_post
    ADD CONSTRAINT forum_post_author_fkey FOREIGN KEY (author) REFERENCES public.account(id);


--
-- Name: forum_post forum_post_room_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.forum_post
    ADD CONSTRAINT forum_post_room_id_fkey FOREIGN KEY (room_id) REFERENCES public.room(id);


--
-- Name: forum_post forum_post_thread_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.forum_post
    ADD CONSTRAINT forum_post_thread_id_fkey FOREIGN KEY (thread_id) REFERENCES public.forum_thread(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: forum_thread forum_thread_author_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.forum_thread
    ADD CONSTRAINT forum_thread_author_fkey FOREIGN KEY (author) REFERENCES public.account(id);


--
-- Name: forum_thread forum_thread_room_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.forum_thread
    ADD CONSTRAINT forum_thread_room_id_fkey FOREIGN KEY (room_id) REFERENCES public.room(id);


--
-- Name: moderation_event moderation_event_room_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.moderation_event
    ADD CONSTRAINT moderation_event_room_id_fkey FOREIGN KEY (room_id) REFERENCES public.room(id);


--
-- Name: notification notification_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notification
    ADD CONSTRAINT notification_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id);


--
-- Name: post_flag post_flag_post_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_flag
    ADD CONSTRAINT post_flag_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.forum_post(id);


--
-- Name: post_flag post_flag_reporter_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_flag
    ADD CONSTRAINT post_flag_reporter_fkey FOREIGN KEY (reporter) REFERENCES public.account(id);


--
-- Name: post_flag post_flag_room_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_flag
    ADD CONSTRAINT post_flag_room_id_fkey FOREIGN KEY (room_id) REFERENCES public.room(id);


--
-- Name: post_reaction post_reaction_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_reaction
    ADD CONSTRAINT post_reaction_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id);


--
-- Name: post_reaction post_reaction_post_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_reaction
    ADD CONSTRAINT post_reaction_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.forum_post(id);


--
-- Name: post_revision post_revision_author_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_revision
    ADD CONSTRAINT post_revision_author_fkey FOREIGN KEY (author) REFERENCES public.account(id);


--
-- Name: post_revision post_revision_post_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.post_revision
    ADD CONSTRAINT post_revision_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.forum_post(id);


--
-- Name: subscription subscription_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subscription
    ADD CONSTRAINT subscription_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id);


--
-- Name: thread_read thread_read_thread_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.thread_read
    ADD CONSTRAINT thread_read_thread_id_fkey FOREIGN KEY (thread_id) REFERENCES public.forum_thread(id);


--
-- Name: witness witness_decided_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.witness
    ADD CONSTRAINT witness_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES public.account(id);


--
-- Name: witness witness_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.witness
    ADD CONSTRAINT witness_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisation(id);


--
-- Name: witness witness_registered_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.witness
    ADD CONSTRAINT witness_registered_by_fkey FOREIGN KEY (registered_by) REFERENCES public.account(id);


--
-- PostgreSQL database dump complete
--

\unrestrict vnDxut3ciNqEN7PlRV8YIZseAlATzJL8z6dWBG2ZMiqkZ6CfbGoZY4fP3vK5gWJ

